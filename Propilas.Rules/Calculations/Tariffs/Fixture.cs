namespace Propilas.Rules.Calculations;

/// <summary>A sanitary fixture and its weight in tariff units.</summary>
/// <param name="Id">Kebab-case identifier used by callers, e.g. <c>kitchen-faucet</c>.</param>
public sealed record Fixture(string Id, int Units, string NameEs, string NameEn);
