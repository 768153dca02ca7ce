using Microsoft.AspNetCore.Identity;

namespace Propilas.Host.Accounts;

/// <summary>An account. Mayors, aldermen, the technical area (atm) and the health post belong to one district; the coordinator to none (sees all).</summary>
public sealed class AppUser : IdentityUser
{
    public int? DistrictId { get; set; }

    /// <summary>The person's name as messages and pages show it (e.g. "Rosa Chávez"); e-mail and phone are Identity's.</summary>
    public string? FullName { get; set; }

    /// <summary>Their position (e.g. "coordinadora regional").</summary>
    public string? Position { get; set; }

    /// <summary>The language of their messages: "es" or "en".</summary>
    public string Language { get; set; } = "es";

    /// <summary>Topics (rule-id prefixes such as <c>water-board</c>) whose alerts they do not want in their daily digest, comma-separated.
    /// Critical alerts come at once whatever this says.</summary>
    public string? DigestOff { get; set; }
}
