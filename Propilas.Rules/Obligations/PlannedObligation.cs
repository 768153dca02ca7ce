using Propilas.Rules.Facts;

namespace Propilas.Rules.Obligations;

/// <summary>An obligation a district's stakeholder now has; the host upserts it by (district, <see cref="Key"/>).</summary>
public sealed record PlannedObligation(string Key, ObligationPhase Phase, string Step, Stakeholder Stakeholder, LocalizedText Text, DateOnly DueOn);
