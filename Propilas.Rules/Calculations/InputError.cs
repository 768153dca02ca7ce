using Propilas.Rules.Facts;

namespace Propilas.Rules.Calculations;

/// <summary>
/// One rejected input value; <see cref="Field"/> is the camelCase name the HTTP API uses. The text is in both languages
/// (a page shows it in its own); <see cref="Message"/> is the English one, as the API answers.
/// </summary>
public sealed record InputError(string Field, LocalizedText Text)
{
    public static readonly LocalizedText IsRequired = new("Este dato es obligatorio.", "is required");

    public string Message => Text.En;

    public static InputError Required(string field) => new(field, IsRequired);

    public override string ToString() => $"{Field}: {Message}";
}
