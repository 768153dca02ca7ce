namespace Propilas.Rules.Calculations;

/// <summary>Small range checks shared by the calculators' Validate methods.</summary>
internal static class InputChecks
{
    public static void NotNegative(List<InputError> errors, string field, decimal value)
    {
        if (value < 0) errors.Add(new(field, $"must not be negative (was {value})"));
    }

    public static void Positive(List<InputError> errors, string field, decimal value)
    {
        if (value <= 0) errors.Add(new(field, $"must be greater than 0 (was {value})"));
    }

    public static void Fraction(List<InputError> errors, string field, decimal value)
    {
        if (value is < 0 or > 1) errors.Add(new(field, $"must be between 0 and 1 (was {value})"));
    }

    public static void InRange(List<InputError> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(new(field, $"must be between {min} and {max} (was {value})"));
    }

    public static decimal RoundToUnit(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    public static decimal RoundToTenth(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
