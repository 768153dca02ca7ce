namespace Propilas.Host.Accounts;

public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Mayor = "mayor";
    public const string Alderman = "alderman";

    public static readonly string[] All = [Coordinator, Mayor, Alderman];

    /// <summary>Roles that belong to one district.</summary>
    public static readonly string[] OfADistrict = [Mayor, Alderman];
}
