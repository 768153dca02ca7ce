using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>The fact types a rule set may evaluate, by the short name rule files use (also the identifier in expressions).</summary>
public static class FactCatalog
{
    private static readonly Dictionary<string, Type> ByName = new()
    {
        ["waterBoard"] = typeof(WaterBoardFacts),
        ["invitation"] = typeof(InvitationFacts),
        ["commitment"] = typeof(CommitmentFacts),
        ["obligation"] = typeof(ObligationFacts),
        ["district"] = typeof(DistrictGateFacts),
        ["planning"] = typeof(DistrictPlanningFacts),
        ["process"] = typeof(ProcessEvidenceFacts),
    };

    /// <summary>Everything of ours an expression may name or reach: facts, their parts and enums.</summary>
    public static IReadOnlyList<Type> DomainTypes { get; } =
    [
        .. ByName.Values,
        typeof(Representation), typeof(InvestmentYear), typeof(StrategicGoal), typeof(OperatingPlanActivity),
        typeof(RuleSubject), typeof(LocalizedText), typeof(Language),
        typeof(Sector), typeof(CommunityOrganisationKind), typeof(InvitationEvent), typeof(CommitmentStatus), typeof(Stakeholder),
    ];

    public static bool TryFind(string? name, out Type factType) => ByName.TryGetValue(name ?? "", out factType!);

    public static string KnownNames => string.Join(", ", ByName.Keys);
}
