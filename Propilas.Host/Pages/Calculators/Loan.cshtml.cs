using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Propilas.Host.Calculations;
using Propilas.Host.Pages.Localization;
using Propilas.Rules.Calculations;

namespace Propilas.Host.Pages.Calculators;

/// <summary>
/// A water board's loan (<c>POST /api/calculations/loan</c>) as a page: the system's cost less the down payment, repaid in
/// equal monthly installments, on the policy in force (<c>workflows/rules/water-board-finance.json</c>). The rate is typed
/// as a percentage; the calculator takes the fraction. A GET form: a calculation changes nothing.
/// </summary>
public sealed class LoanModel(CalculationDefaults defaults, IStringLocalizer<Texts> texts) : PageModel
{
    public static readonly string[] Fields = ["systemCost", "downPayment", "annualRatePct", "years"];

    public WaterBoardFinancePolicy Policy => defaults.WaterBoardFinance;
    public CalculatorForm Form { get; private set; } = null!;
    public LoanSchedule? Result { get; private set; }

    public void OnGet()
    {
        Form = new CalculatorForm(Request.Query, p => TypedNumbers.Explain(p, texts));
        var submitted = Fields.Any(Form.Has);
        Form.Fill("annualRatePct", (Policy.AnnualRate * 100m).ToString("0.####", CultureInfo.InvariantCulture));
        if (!submitted) return; // the first visit: the form, with the policy's rate
        var cost = Form.Decimal("systemCost");
        var down = Form.Decimal("downPayment");
        var rate = Form.Percent("annualRatePct");
        var years = Form.Whole("years");
        if (Form.Errors.Count > 0)
        {
            Response.StatusCode = 400;
            return;
        }
        // As the API builds it: the policy's minimum down payment, the rate given.
        var request = Policy.LoanRequest(cost!.Value, down!.Value, years!.Value) with { AnnualRate = rate!.Value };
        try
        {
            Result = LoanCalculator.Calculate(request);
        }
        catch (CalculationInputException e)
        {
            Form.Add(e.Errors, f => f switch { "annualRate" => "annualRatePct", "principal" or "minimumDownPaymentShare" => "downPayment", _ => f });
            Response.StatusCode = 400;
        }
    }

    /// <summary>The schedule summed by year of the loan: paid, interest, principal repaid and the balance at the year's end.</summary>
    public IEnumerable<(int Year, decimal Paid, decimal Interest, decimal Repaid, decimal Balance)> ByYear(LoanSchedule schedule) =>
        schedule.Installments.GroupBy(i => (i.Number - 1) / 12 + 1)
            .Select(g => (g.Key, g.Sum(i => i.Payment), g.Sum(i => i.Interest), g.Sum(i => i.PrincipalRepaid), g.Last().RemainingBalance));
}
