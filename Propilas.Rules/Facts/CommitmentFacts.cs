namespace Propilas.Rules.Facts;

public enum CommitmentStatus
{
    Pending,
    Fulfilled,
    Cancelled,
}

/// <summary>What a party committed to during the institutional arrangements stage.</summary>
public sealed record CommitmentFacts : IRuleFact
{
    public required int Id { get; init; }
    public required string Party { get; init; }
    public required string What { get; init; }
    /// <summary>Amount in soles when the commitment is money.</summary>
    public decimal? Amount { get; init; }
    public required DateOnly DueOn { get; init; }
    public required CommitmentStatus Status { get; init; }
    /// <summary>Days past the due date (0 on or before it).</summary>
    public required int DaysOverdue { get; init; }
    /// <summary>Days left until the due date (0 on it and after it), computed by the host from its clock, for reminders.</summary>
    public required int DaysUntilDue { get; init; }

    public RuleSubject Subject => RuleSubject.Commitment(Id);
}
