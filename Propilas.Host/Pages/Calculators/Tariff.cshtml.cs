using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Propilas.Host.Calculations;
using Propilas.Host.Pages.Localization;
using Propilas.Rules.Calculations;

namespace Propilas.Host.Pages.Calculators;

/// <summary>
/// The fixture-unit tariff (<c>POST /api/calculations/tariff</c>) as a page: the fixtures of one connection and its use
/// give its units and monthly charge, on the schedule in force (<c>workflows/rules/tariff.json</c>). A GET form: a
/// calculation changes nothing, and its address can be shared.
/// </summary>
public sealed class TariffModel(CalculationDefaults defaults, IStringLocalizer<Texts> texts) : PageModel
{
    public const string UseField = "use";

    public TariffSchedule Schedule => defaults.Tariff;
    public CalculatorForm Form { get; private set; } = null!;
    public TariffResult? Result { get; private set; }

    /// <summary>The form's id of a fixture's count.</summary>
    public static string FieldOf(string fixtureId) => "fx-" + fixtureId;

    public void OnGet()
    {
        Form = new CalculatorForm(Request.Query, p => TypedNumbers.Explain(p, texts));
        if (!Form.Has(UseField)) return; // the first visit: an empty form
        WaterUse? use = Form.Value(UseField) switch { "residential" => WaterUse.Residential, "commercial" => WaterUse.Commercial, _ => null };
        if (use is null) Form.Add(UseField, new("Elija residencial o comercial.", "Choose residential or commercial."));
        var fixtures = new Dictionary<string, int>();
        foreach (var id in Schedule.Fixtures.Keys)
            if (Form.Whole(FieldOf(id), blank: 0) is { } count && count != 0) fixtures[id] = count;
        if (use is null)
        {
            Response.StatusCode = 400;
            return;
        }
        // The calculator checks the counts the form could read, so one answer names every problem.
        try
        {
            var result = new TariffCalculator(Schedule).Calculate(use.Value, fixtures);
            if (Form.Errors.Count == 0) Result = result;
        }
        catch (CalculationInputException e)
        {
            Form.Add(e.Errors, f => f.StartsWith("fixtures.", StringComparison.Ordinal) ? FieldOf(f["fixtures.".Length..]) : f == "fixtures" ? FieldOf(Schedule.Fixtures.Keys.First()) : f);
        }
        if (Form.Errors.Count > 0) Response.StatusCode = 400;
    }

    /// <summary>The charge step the units fall in, or null above the last one (blocks are added).</summary>
    public ChargeStep? StepFor(int units) => Schedule.Steps.FirstOrDefault(s => units <= s.UpToUnits);

    /// <summary>Above the last step: the blocks started.</summary>
    public long BlocksAbove(int units) =>
        ((long)units - Schedule.Steps[^1].UpToUnits + Schedule.UnitsPerBlock - 1) / Schedule.UnitsPerBlock;
}
