using Propilas.Rules.Calculations;

namespace Propilas.Host.Pages.Planning;

/// <summary>
/// Rows of the all-districts investment-plan table (<c>_PlanTable.cshtml</c>); a row links to its district when
/// <see cref="PlanRow.Href"/> is set.
/// </summary>
public sealed record PlanTable(IReadOnlyList<PlanRow> Rows, string? Caption = null);

public sealed record PlanRow(InvestmentPlanResult Plan, string? Href = null);

/// <summary>
/// One district's plan read top to bottom (<c>_PlanTableDistrict.cshtml</c>): its 17 figures in the order of the pilots'
/// table, in five parts. With <see cref="Before"/>, a what-if: the saved plan beside it, each figure that differs marked.
/// </summary>
public sealed record PlanTableDistrict(InvestmentPlanResult Plan, InvestmentPlanResult? Before = null)
{
    /// <summary>A figure: the text key of its column, how it is written, and whether it is one the council votes on in bold.</summary>
    public sealed record Figure(string Key, Func<InvestmentPlanResult, string> Format, bool Strong = false);

    public sealed record Part(string Key, IReadOnlyList<Figure> Figures);

    public static readonly IReadOnlyList<Part> Parts =
    [
        new("part.Inputs", [
            new("col.TotalBudget", p => PlanningFormat.Soles(p.TotalBudget)),
            new("col.InvestmentBudget", p => PlanningFormat.Soles(p.InvestmentBudget)),
            new("col.InvestmentShare", p => PlanningFormat.Percent(p.InvestmentSharePct)),
            new("col.Population", p => PlanningFormat.Whole(p.Population)),
            new("col.Coverage", p => PlanningFormat.Percent(p.CoveragePct)),
        ]),
        new("part.Coverage", [
            new("col.CoverageGoal", p => PlanningFormat.Percent(p.CoverageGoalPct)),
            new("col.CoverageGap", p => PlanningFormat.Percent(p.CoverageGapPct)),
        ]),
        new("part.NewSystems", [
            new("col.NewSystemsPopulation", p => PlanningFormat.Whole(p.NewSystemsPopulation)),
            new("col.NewSystemsInvestment", p => PlanningFormat.Soles(p.NewSystemsInvestment)),
        ]),
        new("part.Rehabilitation", [
            new("col.RehabilitationPopulation", p => PlanningFormat.Whole(p.RehabilitationPopulation)),
            new("col.RehabilitationShare", p => PlanningFormat.Percent(p.RehabilitationPct)),
            new("col.RehabilitationInvestment", p => PlanningFormat.Soles(p.RehabilitationInvestment)),
        ]),
        new("part.Financing", [
            new("col.TotalInvestment", p => PlanningFormat.Soles(p.TotalInvestment), Strong: true),
            new("col.MunicipalCommitment", p => PlanningFormat.Soles(p.MunicipalCommitment), Strong: true),
            new("col.CommunityCofinancing", p => PlanningFormat.Soles(p.CommunityCofinancing), Strong: true),
            new("col.Balance", p => PlanningFormat.Soles(p.Balance), Strong: true),
            new("col.BreakEvenShare", p => PlanningFormat.Percent(p.MunicipalSharePctToBreakEven)),
        ]),
    ];

    /// <summary>Whether a what-if changed the figure as written (a change below its rounding is no change to the reader).</summary>
    public bool Changed(Figure figure) => Before is not null && figure.Format(Before) != figure.Format(Plan);
}
