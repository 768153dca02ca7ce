namespace Propilas.Host.Common;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>
/// What a command of a feature came to, for both its API endpoint and its page: the value, or why not
/// (field errors; not found; forbidden; a conflict such as a stale version, with its reason).
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]>? Errors, string? Detail, string? Reason)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;
    public bool IsStale => Kind == OutcomeKind.Conflict && Reason == "stale";

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null, null);
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors, string detail) => new(OutcomeKind.Invalid, default, errors, detail, null);
    public static Outcome<T> NotFound(string detail) => new(OutcomeKind.NotFound, default, null, detail, null);
    public static Outcome<T> Forbidden(string detail) => new(OutcomeKind.Forbidden, default, null, detail, null);
    public static Outcome<T> Conflict(string detail, string reason) => new(OutcomeKind.Conflict, default, null, detail, reason);
    public static Outcome<T> Stale(string detail) => Conflict(detail, "stale");

    /// <summary>The problem details of a failure; <paramref name="ok"/> answers a success.</summary>
    public IResult ToResult(Func<T, IResult> ok) => Kind switch
    {
        OutcomeKind.Ok => ok(Value!),
        OutcomeKind.Invalid => Problems.Invalid(Errors!.ToDictionary(), Detail!),
        OutcomeKind.NotFound => Problems.NotFound(Detail!),
        OutcomeKind.Forbidden => Problems.Forbidden(Detail!),
        _ => Problems.Conflict(Detail!, Reason!),
    };
}
