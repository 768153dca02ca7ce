using Propilas.Rules.Facts;
using Propilas.Rules.Obligations;

namespace Propilas.Host.Obligations;

/// <param name="Evidence">What shows it was done (a document, an act, a resolution number...).</param>
/// <param name="FulfilledOn">Defaults to today.</param>
public sealed record FulfilRequest(string? Evidence, DateOnly? FulfilledOn, int? ExpectedVersion);

public enum ObligationStatus { Open, Overdue, Fulfilled }

/// <summary>Which obligations to list; null lists all.</summary>
public sealed record ObligationFilter(Stakeholder? Stakeholder = null, ObligationPhase? Phase = null, ObligationStatus? Status = null)
{
    /// <summary>Reads the query-string words: camelCase or the matrix's snake_case (<c>ministry_of_health</c>), case ignored.</summary>
    public static (ObligationFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? stakeholder, string? phase, string? status)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new ObligationFilter(Word<Stakeholder>("stakeholder", stakeholder, errors), Word<ObligationPhase>("phase", phase, errors),
            Word<ObligationStatus>("status", status, errors));
        return (errors.Count == 0 ? filter : null, errors);
    }

    private static T? Word<T>(string field, string? value, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value.Replace("_", "").Replace("-", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        errors[field] = [$"must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}"];
        return null;
    }
}
