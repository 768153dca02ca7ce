namespace Propilas.Rules.Engine;

/// <summary>Who an alert is shown to.</summary>
public enum Role
{
    Coordinator,
    Mayor,
    Alderman,
    /// <summary>The municipality's technical area for W&amp;S (área técnica municipal).</summary>
    Atm,
    HealthPost,
}
