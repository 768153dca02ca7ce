using System.Globalization;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Pages.Shared;
using Propilas.Rules.Calculations;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Calculators;

/// <summary>
/// A calculator's fields as typed (kept as text, so a refused value comes back as it was typed) and the problems found,
/// each in both languages under the field's id. Numbers are read by <see cref="TypedNumbers"/>, like every form.
/// </summary>
public sealed class CalculatorForm(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields)
{
    private static readonly LocalizedText NotANumber = new("Escriba un número.", "Must be a number.");
    private static readonly LocalizedText NotAWholeNumber = new("Escriba un número entero.", "Must be a whole number.");

    private readonly Dictionary<string, string> _values =
        fields.ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Each field's problems, in the order found.</summary>
    public Dictionary<string, List<LocalizedText>> Errors { get; } = [];

    public string Value(string field) => _values.GetValueOrDefault(field) ?? "";

    public bool Has(string field) => _values.ContainsKey(field);

    public void Fill(string field, string value) => _values.TryAdd(field, value);

    public void Add(string field, LocalizedText problem)
    {
        if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
        list.Add(problem);
    }

    /// <summary>Adds a calculator's errors, each under the form's field for the calculator's field name.</summary>
    public void Add(IEnumerable<InputError> errors, Func<string, string> fieldOf)
    {
        foreach (var error in errors) Add(fieldOf(error.Field), error.Text);
    }

    /// <summary>A number; blank is <see cref="InputError.IsRequired"/> unless <paramref name="optional"/>.</summary>
    public decimal? Decimal(string field, bool optional = false)
    {
        var raw = Value(field);
        if (raw.Length == 0)
        {
            if (!optional) Add(field, InputError.IsRequired);
            return null;
        }
        if (TypedNumbers.TryDecimal(raw, out var value)) return value;
        Add(field, NotANumber);
        return null;
    }

    /// <summary>A whole number; blank is <paramref name="blank"/> (null: required).</summary>
    public int? Whole(string field, int? blank = null)
    {
        var raw = Value(field);
        if (raw.Length == 0)
        {
            if (blank is null) Add(field, InputError.IsRequired);
            return blank;
        }
        if (TypedNumbers.TryDecimal(raw, out var value) && value == Math.Truncate(value) && value is >= int.MinValue and <= int.MaxValue) return (int)value;
        Add(field, TypedNumbers.TryDecimal(raw, out _) ? NotAWholeNumber : NotANumber);
        return null;
    }

    /// <summary>A percentage typed as people write it (6, "6 %", 0.5) as the fraction the calculators take (0.06).</summary>
    public decimal? Percent(string field)
    {
        var raw = Value(field).TrimEnd('%').Trim();
        if (raw.Length == 0)
        {
            Add(field, InputError.IsRequired);
            return null;
        }
        if (!TypedNumbers.TryDecimal(raw, out var percent))
        {
            Add(field, NotANumber);
            return null;
        }
        if (percent is >= 0 and <= 100) return percent / 100m;
        var typed = percent.ToString(CultureInfo.InvariantCulture);
        Add(field, new($"Escriba un porcentaje entre 0 y 100 (era {typed}).", $"Must be a percentage from 0 to 100 (was {typed})."));
        return null;
    }

    /// <summary>The problems for the error summary, in the order of <paramref name="order"/>, each "label: problem".</summary>
    public IReadOnlyList<FieldProblem> Problems(IEnumerable<string> order, Func<string, string> label, string language) =>
        order.Where(Errors.ContainsKey)
            .Select(f => new FieldProblem(f, $"{label(f)}: {ErrorsOf(f, language)}")).ToList();

    public string ErrorsOf(string field, string language) =>
        Errors.TryGetValue(field, out var errors) ? string.Join(" ", errors.Select(e => e.In(language))) : "";
}
