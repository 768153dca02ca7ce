using System.Collections.Concurrent;
using System.Text;

namespace Propilas.Host.Common;

/// <summary>
/// Enum values as the API and forms write them: kebab-case of the member name (<c>LocalAuthority</c> → <c>local-authority</c>,
/// <c>PlanningWorkshop1</c> → <c>planning-workshop-1</c>).
/// </summary>
public static class Words
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, Enum>> Parsed = new();

    public static string Of(Enum value) => Kebab(value.ToString());

    public static string? Maybe<T>(T? value) where T : struct, Enum => value is null ? null : Of(value.Value);

    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        value = default;
        var all = Parsed.GetOrAdd(typeof(T), t => Enum.GetValues(t).Cast<Enum>().ToDictionary(Of, v => v));
        if (word is null || !all.TryGetValue(word.Trim(), out var found)) return false;
        value = (T)found;
        return true;
    }

    /// <summary>"health, education or ngo": what a field accepts, for its error message.</summary>
    public static string Choices<T>() where T : struct, Enum
    {
        var words = Enum.GetValues<T>().Select(v => Of(v)).ToList();
        return words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];
    }

    private static string Kebab(string name)
    {
        var s = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && (char.IsUpper(c) || char.IsDigit(c) && !char.IsDigit(name[i - 1]));
            if (boundary) s.Append('-');
            s.Append(char.ToLowerInvariant(c));
        }
        return s.ToString();
    }
}
