namespace Propilas.Rules.Calculations;

/// <summary>One line of a water board's operating costs (e.g. wages, fuel and electricity).</summary>
public sealed record CostLine(string Name, decimal Amount);
