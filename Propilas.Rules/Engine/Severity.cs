namespace Propilas.Rules.Engine;

public enum Severity
{
    Info,
    Warning,
    Critical,
}
