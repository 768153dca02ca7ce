using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Propilas.Workflows;

namespace Propilas.Host.Districts;

/// <summary>A district's URL name, e.g. <c>miguel-iglesias</c>: lower-case letters, digits and single hyphens.</summary>
[JsonConverter(typeof(StringIdConverter<DistrictSlug>))]
public readonly partial record struct DistrictSlug : IStringId<DistrictSlug>
{
    private DistrictSlug(string value) => Value = value;

    public string Value { get; }

    public static DistrictSlug From(string value) =>
        TryParse(value, out var slug) ? slug : throw new FormatException($"'{value}' is not a district slug (lower-case letters, digits and hyphens).");

    public static bool TryParse(string? value, out DistrictSlug slug)
    {
        slug = default;
        if (value is null || value.Length > 60 || !Pattern().IsMatch(value)) return false;
        slug = new DistrictSlug(value);
        return true;
    }

    /// <summary>"Miguel Iglesias" → <c>miguel-iglesias</c>; accents dropped ("Celendín" → <c>celendin</c>).</summary>
    public static DistrictSlug FromName(string name)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        var slug = NonAlphanumeric().Replace(plain.ToString().ToLowerInvariant(), "-").Trim('-');
        return From(slug);
    }

    private const string SubjectPrefix = "district:";

    /// <summary>The subject key of the district's workflow instances.</summary>
    public SubjectKey Subject => new(SubjectPrefix + Value);

    /// <summary>The district of a process subject such as <c>district:san-juan</c> (the inverse of <see cref="Subject"/>).</summary>
    public static bool TryOfSubject(SubjectKey subject, out DistrictSlug slug)
    {
        slug = default;
        return subject.Value.StartsWith(SubjectPrefix, StringComparison.Ordinal) && TryParse(subject.Value[SubjectPrefix.Length..], out slug);
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
