using Propilas.Rules.Facts;

namespace Propilas.Rules.Calculations;

/// <summary>Small range checks shared by the calculators' Validate methods.</summary>
internal static class InputChecks
{
    // The same limits as the host's Propilas.Workflows.Bounds.Money and .People, which this library does not reference.
    public const decimal MaxMoney = 100_000_000_000m;
    public const int MaxPeople = 10_000_000;
    public static readonly LocalizedText MaxMoneyName = new("el máximo de 100 000 000 000 soles", "the limit of 100,000,000,000 soles");
    public static readonly LocalizedText MaxPeopleName = new("el máximo de 10 000 000 personas", "the limit of 10,000,000 people");

    public static void NotNegative(List<InputError> errors, string field, decimal value)
    {
        if (value < 0) errors.Add(new(field, new($"No puede ser negativo (era {value}).", $"must not be negative (was {value})")));
    }

    public static void Positive(List<InputError> errors, string field, decimal value)
    {
        if (value <= 0) errors.Add(new(field, new($"Debe ser mayor que 0 (era {value}).", $"must be greater than 0 (was {value})")));
    }

    public static void Fraction(List<InputError> errors, string field, decimal value) => InRange(errors, field, value, 0, 1);

    public static void InRange(List<InputError> errors, string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
            errors.Add(new(field, new($"Debe estar entre {min} y {max} (era {value}).", $"must be between {min} and {max} (was {value})")));
    }

    /// <summary>A value that must not be larger than another input, e.g. the investment budget than the total budget.</summary>
    public static void NotAbove(List<InputError> errors, string field, decimal value, decimal limit, LocalizedText limitName)
    {
        if (value > limit)
            errors.Add(new(field, new($"No puede superar {limitName.Es} ({value} > {limit}).", $"must not exceed {limitName.En} ({value} > {limit})")));
    }

    public static decimal RoundToUnit(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    public static decimal RoundToTenth(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
