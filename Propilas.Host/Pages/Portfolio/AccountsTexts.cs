namespace Propilas.Host.Pages.Portfolio;

/// <summary>Marker for the accounts page's texts (<c>Resources/Pages.Portfolio.AccountsTexts.*.resx</c>).</summary>
public sealed class AccountsTexts;
