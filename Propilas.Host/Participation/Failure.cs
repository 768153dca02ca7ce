using Propilas.Host.Common;

namespace Propilas.Host.Participation;

public enum FailureKind { Invalid, NotFound, Forbidden, Conflict }

/// <summary>Why a read or a change of a district's participation records was refused; pages and the API show it each in their way.</summary>
public sealed record Failure(FailureKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, string? Reason = null)
{
    public bool IsStale => Reason == "stale";

    public static Failure Invalid(Dictionary<string, string[]> errors, string detail) => new(FailureKind.Invalid, detail, errors);
    public static Failure NotFound(string detail) => new(FailureKind.NotFound, detail);
    public static Failure Forbidden(string detail) => new(FailureKind.Forbidden, detail);
    public static Failure Conflict(string detail, string reason) => new(FailureKind.Conflict, detail, Reason: reason);

    public static Failure Stale(string what, int current, int? expected) =>
        Conflict(expected is null
            ? $"{what} was changed by someone else; reload and try again."
            : $"{what} changed since you read it (version {current}, not {expected}).", "stale");

    public IResult ToResult() => Kind switch
    {
        FailureKind.Invalid => Problems.Invalid(Errors!.ToDictionary(), Detail),
        FailureKind.NotFound => Problems.NotFound(Detail),
        FailureKind.Forbidden => Problems.Forbidden(Detail),
        _ => Problems.Conflict(Detail, Reason ?? "conflict"),
    };
}

/// <summary>A value or the failure that prevented it.</summary>
public readonly record struct Result<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Failure failure) => new(default, failure);

    public IResult ToResult(Func<T, IResult>? ok = null) => Failure is { } f ? f.ToResult() : ok is null ? TypedResults.Ok(Value) : ok(Value!);
}
