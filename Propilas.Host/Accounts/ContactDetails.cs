using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Propilas.Host.Accounts;

/// <summary>What an e-mail address and a phone number must look like, for the profile and the coordinator's account pages alike.</summary>
public static partial class ContactDetails
{
    public const int MaxEmail = 256;

    /// <summary>An address with a domain that has a dot (<c>julio@example.pe</c>), at most <see cref="MaxEmail"/> characters.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= MaxEmail && new EmailAddressAttribute().IsValid(email) && email.Split('@')[^1].Contains('.');

    /// <summary>Digits, spaces, brackets and dashes, an optional leading +, and 6 to 15 digits.</summary>
    public static bool IsPhone(string phone) => phone.Length <= 30 && PhonePattern().IsMatch(phone) && phone.Count(char.IsDigit) is >= 6 and <= 15;

    public static bool IsLanguage(string? language) => language is "es" or "en";

    [GeneratedRegex(@"^\+?[0-9 ()-]+$")]
    private static partial Regex PhonePattern();
}
