using System.Text.RegularExpressions;

namespace Propilas.Rules.Calculations;

/// <summary>
/// The fixture-unit tariff: weights of fixtures, residential charge steps, the per-block charge above
/// the last step, and the commercial surcharge. Loaded from workflows/rules/tariff.json.
/// </summary>
/// <param name="UnitsPerBlock">Above the last step, each started block of this many units adds <paramref name="ChargePerBlock"/>.</param>
/// <param name="CommercialSurcharge">Fraction added to the residential charge for commercial users (0.5 = 50 % more).</param>
public sealed partial record TariffSchedule(
    string Currency,
    IReadOnlyDictionary<string, Fixture> Fixtures,
    IReadOnlyList<ChargeStep> Steps,
    int UnitsPerBlock,
    decimal ChargePerBlock,
    decimal CommercialSurcharge)
{
    public static TariffSchedule LoadDefault() => Load(RuleFilePaths.Tariff);

    /// <exception cref="RuleFileException">The file is missing, malformed, or a field is missing or invalid.</exception>
    public static TariffSchedule Load(string filePath) => RuleNode.Read(filePath, root =>
    {
        var fixtures = new Dictionary<string, Fixture>(StringComparer.Ordinal);
        foreach (var node in root.Items("fixtures"))
        {
            var fixture = new Fixture(node.String("id"), node.Int32("units"), node.String("nameEs"), node.String("nameEn"));
            if (!KebabCase().IsMatch(fixture.Id))
                throw node.Property("id").Fail($"'{fixture.Id}' must be kebab case (e.g. kitchen-faucet)");
            if (fixture.Units <= 0)
                throw node.Property("units").Fail($"must be greater than 0 (was {fixture.Units})");
            if (!fixtures.TryAdd(fixture.Id, fixture))
                throw node.Property("id").Fail($"duplicate fixture id '{fixture.Id}'");
        }
        if (fixtures.Count == 0)
            throw root.Property("fixtures").Fail("must list at least one fixture");

        var charge = root.Property("residentialCharge");
        var steps = new List<ChargeStep>();
        foreach (var node in charge.Items("steps"))
        {
            var step = new ChargeStep(node.Int32("upToUnits"), node.Decimal("charge"));
            if (step.UpToUnits < 0)
                throw node.Property("upToUnits").Fail($"must not be negative (was {step.UpToUnits})");
            if (step.Charge < 0)
                throw node.Property("charge").Fail($"must not be negative (was {step.Charge})");
            if (steps.Count > 0 && step.UpToUnits <= steps[^1].UpToUnits)
                throw node.Property("upToUnits").Fail("steps must be in strictly increasing order of upToUnits");
            if (steps.Count > 0 && step.Charge < steps[^1].Charge)
                throw node.Property("charge").Fail("a step must not charge less than the step before it");
            steps.Add(step);
        }
        if (steps.Count == 0)
            throw charge.Property("steps").Fail("must list at least one step");

        var beyond = charge.Property("beyondLastStep");
        var unitsPerBlock = beyond.Int32("unitsPerBlock");
        if (unitsPerBlock <= 0)
            throw beyond.Property("unitsPerBlock").Fail($"must be greater than 0 (was {unitsPerBlock})");
        var chargePerBlock = beyond.Decimal("chargePerBlock");
        if (chargePerBlock < 0)
            throw beyond.Property("chargePerBlock").Fail($"must not be negative (was {chargePerBlock})");

        var surcharge = root.Decimal("commercialSurcharge");
        if (surcharge < 0)
            throw root.Property("commercialSurcharge").Fail($"must not be negative (was {surcharge})");

        return new TariffSchedule(root.String("currency"), fixtures, steps, unitsPerBlock, chargePerBlock, surcharge);
    });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
