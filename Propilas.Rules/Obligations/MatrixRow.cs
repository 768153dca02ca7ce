using Propilas.Rules.Facts;

namespace Propilas.Rules.Obligations;

/// <summary>One obligation of the stakeholder-role matrix.</summary>
/// <param name="Key">Stable key <c>{step}.{stakeholder}.{n}</c>, n counting that stakeholder's rows within the step from 1.</param>
public sealed record MatrixRow(string Key, ObligationPhase Phase, string Step, Stakeholder Stakeholder, LocalizedText Text);
