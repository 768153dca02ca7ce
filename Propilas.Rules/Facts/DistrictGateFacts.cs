namespace Propilas.Rules.Facts;

/// <summary>What a district has gathered so far, as the stage-gate conditions see it.</summary>
public sealed record DistrictGateFacts : IRuleFact
{
    /// <summary>Slug of the district, e.g. <c>san-juan</c>.</summary>
    public required string DistrictKey { get; init; }
    public required string Name { get; init; }

    /// <summary>Who was invited to the process.</summary>
    public required Representation Invited { get; init; }
    /// <summary>Who sits on the inter-institutional support committee.</summary>
    public required Representation Committee { get; init; }

    /// <summary>The investment plan, one entry per year, with what the municipality committed for that year.</summary>
    public required IReadOnlyList<InvestmentYear> InvestmentYears { get; init; }

    public required IReadOnlyList<StrategicGoal> StrategicGoals { get; init; }
    public required IReadOnlyList<OperatingPlanActivity> OperatingPlanActivities { get; init; }

    public RuleSubject Subject => RuleSubject.District(DistrictKey);
}

public sealed record InvestmentYear(int Year, decimal Budget, decimal MunicipalCommitment);

public sealed record StrategicGoal(string Title, decimal? NumericTarget);

public sealed record OperatingPlanActivity(string Title, string? Owner);
