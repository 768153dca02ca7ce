using System.Globalization;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Pages.Shared;
using Propilas.Rules.Calculations;
using Propilas.Rules.Facts;

namespace Propilas.Host.Pages.Calculators;

/// <summary>
/// A calculator's fields as typed (kept as text, so a refused value comes back as it was typed) and the problems found,
/// each in the page's language under the field's id. Numbers are read by <see cref="TypedNumbers"/>, like every form, and
/// a refused one is said by <paramref name="explain"/> (<see cref="TypedNumbers.Explain"/>).
/// </summary>
public sealed class CalculatorForm(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields,
    Func<NumberProblem, string> explain)
{
    private readonly Dictionary<string, string> _values =
        fields.ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Each field's problems in the page's language, in the order found.</summary>
    public Dictionary<string, List<string>> Errors { get; } = [];

    public string Value(string field) => _values.GetValueOrDefault(field) ?? "";

    public bool Has(string field) => _values.ContainsKey(field);

    public void Fill(string field, string value) => _values.TryAdd(field, value);

    public void Add(string field, LocalizedText problem) => Add(field, problem.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));

    private void Add(string field, string problem)
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
    public decimal? Decimal(string field, bool optional = false) => Read(field, TypedNumbers.Read(Value(field)), required: !optional);

    /// <summary>A whole number; blank is <paramref name="blank"/> (null: required).</summary>
    public int? Whole(string field, int? blank = null)
    {
        var reading = TypedNumbers.ReadWhole(Value(field));
        return reading.IsBlank && blank is not null ? blank : (int?)Read(field, reading, required: true);
    }

    /// <summary>A percentage typed as people write it (6, "6 %", 0.5) as the fraction the calculators take (0.06).</summary>
    public decimal? Percent(string field)
    {
        if (Read(field, TypedNumbers.Read(Value(field).TrimEnd('%').Trim()), required: true) is not { } percent) return null;
        if (percent is >= 0 and <= 100) return percent / 100m;
        var typed = percent.ToString(CultureInfo.InvariantCulture);
        Add(field, new LocalizedText($"Escriba un porcentaje entre 0 y 100 (era {typed}).", $"Must be a percentage from 0 to 100 (was {typed})."));
        return null;
    }

    private decimal? Read(string field, NumberReading reading, bool required)
    {
        if (reading.Problem is { } problem) Add(field, explain(problem));
        else if (reading.IsBlank && required) Add(field, InputError.IsRequired);
        return reading.Value;
    }

    /// <summary>The problems for the error summary, in the order of <paramref name="order"/>, each "label: problem".</summary>
    public IReadOnlyList<FieldProblem> Problems(IEnumerable<string> order, Func<string, string> label) =>
        order.Where(Errors.ContainsKey)
            .Select(f => new FieldProblem(f, $"{label(f)}: {ErrorsOf(f)}")).ToList();

    public string ErrorsOf(string field) => Errors.TryGetValue(field, out var errors) ? string.Join(" ", errors) : "";
}
