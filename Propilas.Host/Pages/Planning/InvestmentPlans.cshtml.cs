using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Database;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Pages.Localization;

namespace Propilas.Host.Pages.Planning;

/// <summary>The coordinator's view: one row per district with investment-plan inputs, with a what-if on the parameters.</summary>
public sealed class InvestmentPlansModel(PropilasDb db, InvestmentPlanner planner, IStringLocalizer<Texts> texts) : PageModel
{
    public PlanTable Table { get; private set; } = new([]);
    public PlanForm WhatIf { get; private set; } = PlanForm.Empty;
    public bool IsWhatIf { get; private set; }
    public decimal TotalInvestment { get; private set; }
    public decimal TotalBalance { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsCoordinator()) return Forbid();
        WhatIf = PlanForm.From(Request.Query, Explain);
        IsWhatIf = WhatIf.HasParameters;
        var whatIf = WhatIf.Parameters();
        var inputs = await db.Set<DistrictInvestmentInputs>().AsNoTracking().ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var rows = new List<PlanRow>();
        foreach (var i in inputs.OrderBy(i => i.DistrictId))
        {
            var parameters = planner.ParametersOf(i, whatIf);
            if (parameters.Validate() is { Count: > 0 } invalid)
            {
                WhatIf.AddErrors(invalid);
                parameters = planner.ParametersOf(i);
            }
            var d = districts[i.DistrictId];
            rows.Add(new PlanRow(InvestmentPlanner.Plan(d, i, parameters), $"/districts/{d.Slug}/investment-plan"));
        }
        Table = new PlanTable(rows);
        TotalInvestment = rows.Sum(r => r.Plan.TotalInvestment);
        TotalBalance = rows.Sum(r => r.Plan.Balance);
        WhatIf.Show(planner.Defaults);
        return Page();
    }

    private string Explain(NumberProblem problem) => TypedNumbers.Explain(problem, texts);
}
