namespace Propilas.Rules.Engine;

/// <summary>The workflow stage whose closing gate a rule guards; rule files use the stage ids.</summary>
public enum GateStage
{
    Preparatory,
    Design,
    Institutional,
}
