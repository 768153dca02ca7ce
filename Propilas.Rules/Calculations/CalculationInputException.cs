namespace Propilas.Rules.Calculations;

/// <summary>Thrown by a calculator when its input or parameters are invalid; lists every error found.</summary>
public sealed class CalculationInputException(string subject, IReadOnlyList<InputError> errors)
    : ArgumentException($"Invalid {subject}: {string.Join("; ", errors)}")
{
    public IReadOnlyList<InputError> Errors { get; } = errors;

    public static void ThrowIfAny(string subject, IReadOnlyList<InputError> errors)
    {
        if (errors.Count > 0)
            throw new CalculationInputException(subject, errors);
    }
}
