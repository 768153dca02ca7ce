using System.Globalization;
using Propilas.Rules.Facts;
using Propilas.Workflows;

namespace Propilas.Host.Common;

/// <summary>Reads a request's fields, collecting one message per field name (the API's 400 and the forms' errors use the same keys).</summary>
public sealed class Checks
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public bool Ok => Errors.Count == 0;

    public void Add(string field, string message) => Errors[field] = [.. Errors.GetValueOrDefault(field, []), message];

    /// <param name="maxLength">One of <see cref="Bounds"/>' text limits.</param>
    /// <param name="multiLine">A text area's text, which may hold line breaks.</param>
    public string? Text(string field, string? value, int maxLength, bool required = true, bool multiLine = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) Add(field, "is required");
            return null;
        }
        if (Bounds.TextProblem(text, maxLength, multiLine) is { } problem) Add(field, problem);
        return text;
    }

    /// <summary>A number no larger than <paramref name="max"/> (one of <see cref="Bounds"/>' limits).</summary>
    public void NotAbove(string field, decimal? value, decimal max)
    {
        if (Bounds.NumberProblem(value, max) is { } problem) Add(field, problem);
    }

    /// <summary>A date written <c>yyyy-MM-dd</c> (what a date input sends).</summary>
    public DateOnly? Date(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Add(field, "must be a date written yyyy-mm-dd");
        return null;
    }

    public T? Choice<T>(string field, string? value, bool required = true) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"is required: {Words.Choices<T>()}");
            return null;
        }
        if (Words.TryParse<T>(value, out var parsed)) return parsed;
        Add(field, $"must be {Words.Choices<T>()}");
        return null;
    }

    public int? Year(string field, int? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return null;
        }
        if (value is < 1990 or > 2100) Add(field, "must be a year between 1990 and 2100");
        return value;
    }

    /// <summary>A sector, with the kind of community organisation when (and only when) the sector is one.</summary>
    public (Sector? Sector, CommunityOrganisationKind? Kind) Sector(string sectorField, string? sector, string kindField, string? kind)
    {
        var s = Choice<Sector>(sectorField, sector);
        if (s == Propilas.Rules.Facts.Sector.CommunityOrganisation)
            return (s, Choice<CommunityOrganisationKind>(kindField, kind));
        if (s is not null && !string.IsNullOrWhiteSpace(kind))
            Add(kindField, "applies only to the community-organisation sector");
        return (s, null);
    }

    public void Within(string field, DateOnly? date, DateOnly from, DateOnly to)
    {
        if (date < from || date > to) Add(field, $"must be between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}");
    }

    public void NotAfter(string field, DateOnly? date, DateOnly today)
    {
        if (date > today) Add(field, $"must not be in the future (today is {today:yyyy-MM-dd})");
    }
}
