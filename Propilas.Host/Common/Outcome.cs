using Microsoft.AspNetCore.Http.HttpResults;

namespace Propilas.Host.Common;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>Why a read or a command was refused: field errors; not found; forbidden; a conflict such as a stale version, with its reason.</summary>
public sealed record Failure(OutcomeKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, string? Reason = null)
{
    public bool IsStale => Reason == "stale";

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors, string detail) => new(OutcomeKind.Invalid, detail, errors);
    public static Failure NotFound(string detail) => new(OutcomeKind.NotFound, detail);
    public static Failure Forbidden(string detail) => new(OutcomeKind.Forbidden, detail);
    public static Failure Conflict(string detail, string reason) => new(OutcomeKind.Conflict, detail, Reason: reason);
    public static Failure Stale(string detail) => Conflict(detail, "stale");

    public static Failure Stale(string what, int current, int? expected) =>
        Stale(expected is null
            ? $"{what} was changed by someone else; reload and try again."
            : $"{what} changed since you read it (version {current}, not {expected}).");

    /// <summary>
    /// The failure as problem details, in the union a handler answers with: its success, a problem (404, 403, 409) or field
    /// errors (400). The union documents the success in the OpenAPI document; the problems' status codes are declared on the routes.
    /// </summary>
    public Results<TSuccess, ProblemHttpResult, ValidationProblem> Answer<TSuccess>() where TSuccess : IResult => Kind switch
    {
        OutcomeKind.Invalid => Problems.Invalid(Errors!.ToDictionary(), Detail),
        OutcomeKind.NotFound => Problems.NotFound(Detail),
        OutcomeKind.Forbidden => Problems.Forbidden(Detail),
        _ => Problems.Conflict(Detail, Reason ?? "conflict"),
    };
}

/// <summary>
/// What a read or a command of a feature came to, for both its API endpoint and its page: the value, or the
/// <see cref="Common.Failure"/> that prevented it.
/// </summary>
public sealed record Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;
    public OutcomeKind Kind => Failure?.Kind ?? OutcomeKind.Ok;
    public bool IsStale => Failure?.IsStale == true;
    public IReadOnlyDictionary<string, string[]>? Errors => Failure?.Errors;
    public string? Reason => Failure?.Reason;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);

    /// <summary>200 with the value, or the failure's problem details.</summary>
    public Results<Ok<T>, ProblemHttpResult, ValidationProblem> ToOk() =>
        Failure is { } f ? f.Answer<Ok<T>>() : TypedResults.Ok(Value!);

    /// <summary>200 with what <paramref name="view"/> makes of the value, or the failure's problem details.</summary>
    public Results<Ok<TView>, ProblemHttpResult, ValidationProblem> ToOk<TView>(Func<T, TView> view) =>
        Failure is { } f ? f.Answer<Ok<TView>>() : TypedResults.Ok(view(Value!));

    /// <summary>201 with the value at its <paramref name="location"/>, or the failure's problem details.</summary>
    public Results<Created<T>, ProblemHttpResult, ValidationProblem> ToCreated(Func<T, string> location) =>
        Failure is { } f ? f.Answer<Created<T>>() : TypedResults.Created(location(Value!), Value!);
}
