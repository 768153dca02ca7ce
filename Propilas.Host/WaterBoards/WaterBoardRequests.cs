namespace Propilas.Host.WaterBoards;

/// <summary>Changes to a board's facts, made from the version the caller last saw (a newer one answers 409).</summary>
public sealed record WaterBoardUpdate : WaterBoardChanges
{
    public int? ExpectedVersion { get; init; }
}

/// <summary>A follow-up visit: when, who went, what was found, and the facts it observed (only those that changed need be sent).</summary>
/// <param name="VisitedOn">Defaults to today.</param>
/// <param name="VisitedBy">Defaults to the account recording it.</param>
/// <param name="ExpectedVersion">The board version the caller last saw.</param>
public sealed record NewVisit(DateOnly? VisitedOn, string? VisitedBy, string? Findings, WaterBoardChanges? Observed, int? ExpectedVersion);
