namespace Propilas.Host.Accounts;

public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Mayor = "mayor";
    public const string Alderman = "alderman";

    /// <summary>The municipality's technical area for W&amp;S (área técnica municipal), which follows up the water boards.</summary>
    public const string Atm = "atm";

    /// <summary>The district's health post (Ministry of Health), told when a water board does not chlorinate.</summary>
    public const string HealthPost = "health-post";

    public static readonly string[] All = [Coordinator, Mayor, Alderman, Atm, HealthPost];

    /// <summary>Roles that belong to one district.</summary>
    public static readonly string[] OfADistrict = [Mayor, Alderman, Atm, HealthPost];
}
