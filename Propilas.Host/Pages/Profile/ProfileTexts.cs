namespace Propilas.Host.Pages.Profile;

/// <summary>Marker for the profile page texts (<c>Resources/Pages.Profile.ProfileTexts.*.resx</c>).</summary>
public sealed class ProfileTexts;
