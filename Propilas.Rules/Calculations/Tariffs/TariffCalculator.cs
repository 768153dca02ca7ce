namespace Propilas.Rules.Calculations;

/// <summary>Monthly charge of a connection from the fixtures installed in it.</summary>
public sealed class TariffCalculator(TariffSchedule schedule)
{
    /// <param name="fixtures">Fixture id → number installed.</param>
    /// <exception cref="CalculationInputException">Unknown fixture id or negative count (each named), or an undefined use.</exception>
    public TariffResult Calculate(WaterUse use, IReadOnlyDictionary<string, int> fixtures)
    {
        ArgumentNullException.ThrowIfNull(fixtures);
        var errors = new List<InputError>();
        if (!Enum.IsDefined(use))
            errors.Add(new("use", new($"Debe ser residencial o comercial (era {use}).", $"must be residential or commercial (was {use})")));

        long totalUnits = 0;
        foreach (var (id, count) in fixtures)
        {
            if (!schedule.Fixtures.TryGetValue(id, out var fixture))
                errors.Add(new($"fixtures.{id}", new($"Aparato sanitario desconocido: '{id}'.", $"unknown fixture id '{id}'")));
            else if (count < 0)
                errors.Add(new($"fixtures.{id}", new($"La cantidad no puede ser negativa (era {count}).", $"count must not be negative (was {count})")));
            else
                totalUnits = Math.Min(totalUnits + (long)fixture.Units * count, int.MaxValue + 1L);
        }
        if (totalUnits > int.MaxValue)
            errors.Add(new("fixtures", new($"El total de unidades no puede superar {int.MaxValue}.", $"total units must not exceed {int.MaxValue}")));
        CalculationInputException.ThrowIfAny("tariff input", errors);

        var residential = ResidentialCharge((int)totalUnits);
        var monthly = use == WaterUse.Commercial
            ? InputChecks.RoundToUnit(residential * (1m + schedule.CommercialSurcharge))
            : residential;
        return new TariffResult(use, (int)totalUnits, residential, monthly);
    }

    /// <summary>
    /// Charge of the first step that holds the units; above the last step, its charge plus one
    /// block charge per block started. A connection with no fixtures still pays the first (fixed) step.
    /// </summary>
    public decimal ResidentialCharge(int totalUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalUnits);
        foreach (var step in schedule.Steps)
        {
            if (totalUnits <= step.UpToUnits)
                return step.Charge;
        }
        var last = schedule.Steps[^1];
        var blocksStarted = ((long)totalUnits - last.UpToUnits + schedule.UnitsPerBlock - 1) / schedule.UnitsPerBlock;
        return last.Charge + blocksStarted * schedule.ChargePerBlock;
    }
}
