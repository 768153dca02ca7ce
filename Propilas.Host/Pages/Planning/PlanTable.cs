using Propilas.Rules.Calculations;

namespace Propilas.Host.Pages.Planning;

/// <summary>Rows of the 16-column investment-plan table (<c>_PlanTable.cshtml</c>); a row links to its district when <see cref="PlanRow.Href"/> is set.</summary>
public sealed record PlanTable(IReadOnlyList<PlanRow> Rows, string? Caption = null);

public sealed record PlanRow(InvestmentPlanResult Plan, string? Href = null);
