using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

public sealed class DistrictGateRulesTests
{
    private static IRuleEvaluator Rules => ShippedRules.Evaluator;

    private static IReadOnlyList<RuleOutcome> Gate(string stage, DistrictGateFacts district) =>
        Rules.Evaluate(district, ShippedGates.Conditions(stage));

    [Fact]
    public void A_district_ready_for_every_gate_raises_nothing()
    {
        var district = Sample.District();

        Assert.Empty(Rules.Evaluate(district));
        Assert.All(ShippedGates.All.Keys, gate => Assert.Empty(Gate(gate, district)));
    }

    [Fact]
    public void Each_gate_condition_guards_its_stage()
    {
        var gates = ShippedGates.All.SelectMany(g => g.Value.Select(rule => (rule, stage: g.Key))).ToDictionary(x => x.rule, x => x.stage);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["invitation.sector-missing"] = "preparatory",
                ["plan.goal-without-target"] = "design",
                ["plan.activity-without-owner"] = "design",
                ["commitment.municipal-share-low"] = "institutional",
                ["committee.sector-missing"] = "institutional",
            },
            gates);
        Assert.All(gates.Keys, rule => Assert.Equal(typeof(DistrictGateFacts), ShippedRules.Evaluator.Find(rule)?.FactType));
    }

    [Fact]
    public void A_gate_is_evaluated_on_its_own_conditions_only()
    {
        var district = Sample.District() with
        {
            Invited = Representation.Empty,
            Committee = Representation.Empty,
            StrategicGoals = [new StrategicGoal("Sin meta", null)],
        };

        Assert.Equal(["invitation.sector-missing"], Gate("preparatory", district).Ids());
        Assert.Equal(["plan.goal-without-target"], Gate("design", district).Ids());
        Assert.Equal(["committee.sector-missing"], Gate("institutional", district).Ids());
        var gateRules = ShippedGates.All.Values.SelectMany(g => g).ToHashSet();
        Assert.All(Rules.Evaluate(district), o => Assert.Contains(o.RuleId, gateRules));
    }

    public static TheoryData<Sector?, CommunityOrganisationKind?, string, string> MissingInvitees => new()
    {
        { Sector.Health, null, "salud", "health" },
        { Sector.Education, null, "educación", "education" },
        { Sector.LocalAuthority, null, "autoridades locales", "local authorities" },
        { null, CommunityOrganisationKind.WaterBoard, "al menos una JASS (junta de agua)", "at least one water board (JASS)" },
    };

    [Theory]
    [MemberData(nameof(MissingInvitees))]
    public void Invitation_sector_missing_names_what_is_missing(Sector? sector, CommunityOrganisationKind? kind, string es, string en)
    {
        var invited = Sample.District().Invited;
        var district = Sample.District() with
        {
            Invited = new Representation(
                invited.Sectors.Where(s => s != sector).ToHashSet(),
                invited.CommunityOrganisations.Where(k => k != kind).ToHashSet()),
        };

        var outcome = Gate("preparatory", district).Outcome("invitation.sector-missing")!;

        Assert.Contains(outcome.RuleId, ShippedGates.Conditions("preparatory"));
        Assert.Equal("district:san-juan", outcome.Subject.ToString());
        Assert.Equal([Role.Alderman, Role.Coordinator], outcome.Notifies);
        Assert.Equal($"San Juan: para cerrar la etapa preparatoria falta invitar a: {es}.", outcome.Message.Es);
        Assert.Equal($"San Juan: before the preparatory stage can close, still to invite: {en}.", outcome.Message.En);
    }

    [Fact]
    public void Invitation_sector_missing_lists_every_missing_invitee()
    {
        var district = Sample.District() with { Invited = Sample.Represented([Sector.Health, Sector.Ngo], CommunityOrganisationKind.VasoDeLeche) };

        var outcome = Rules.Evaluate(district).Outcome("invitation.sector-missing")!;

        Assert.EndsWith("falta invitar a: educación, autoridades locales, al menos una JASS (junta de agua).", outcome.Message.Es);
        Assert.EndsWith("still to invite: education, local authorities, at least one water board (JASS).", outcome.Message.En);
    }

    [Fact]
    public void Invitation_sector_missing_does_not_require_ngos_or_other_organisations()
    {
        var district = Sample.District() with
        {
            Invited = Sample.Represented([Sector.Health, Sector.Education, Sector.LocalAuthority, Sector.CommunityOrganisation], CommunityOrganisationKind.WaterBoard),
        };

        Assert.Empty(Gate("preparatory", district));
    }

    [Theory]
    [InlineData("100000", false)]
    [InlineData("99999.99", true)]
    [InlineData("0", true)]
    public void Municipal_share_must_be_at_least_10_percent_of_the_five_year_budget(string committed, bool raised)
    {
        // Budget: 5 x S/ 200,000 = S/ 1,000,000; 10 % = S/ 100,000, spread unevenly over the years.
        var total = decimal.Parse(committed, System.Globalization.CultureInfo.InvariantCulture);
        decimal[] split = [total * 0.5m, total * 0.5m, 0m, 0m, 0m];
        var district = Sample.District() with
        {
            InvestmentYears = [.. split.Select((amount, i) => new InvestmentYear(2006 + i, 200_000m, amount))],
        };

        var outcome = Gate("institutional", district).Outcome("commitment.municipal-share-low");

        Assert.Equal(raised, outcome is not null);
    }

    [Fact]
    public void Municipal_share_message_shows_share_and_amounts()
    {
        var district = Sample.District() with
        {
            InvestmentYears = [.. Enumerable.Range(2006, 5).Select(year => new InvestmentYear(year, 200_000m, 15_000m))],
        };

        var outcome = Rules.Evaluate(district).Outcome("commitment.municipal-share-low")!;

        Assert.Equal([Role.Mayor, Role.Coordinator], outcome.Notifies);
        Assert.Equal(
            "San Juan: el compromiso municipal (S/ 75,000.00) es el 7.5 % del presupuesto de inversión a 5 años (S/ 1,000,000.00); se requiere al menos el 10 %.",
            outcome.Message.Es);
        Assert.Equal(
            "San Juan: the municipal commitment (S/ 75,000.00) is 7.5% of the 5-year investment budget (S/ 1,000,000.00); at least 10% is required.",
            outcome.Message.En);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    public void Municipal_share_needs_a_budget_for_five_years(int years)
    {
        // Even a generous commitment does not make up for missing years.
        var district = Sample.District() with
        {
            InvestmentYears = [.. Enumerable.Range(2006, years).Select(year => new InvestmentYear(year, 200_000m, 100_000m))],
        };

        var outcome = Rules.Evaluate(district).Outcome("commitment.municipal-share-low")!;

        Assert.Contains($"el plan de inversiones cubre {years} años; se necesitan 5 años", outcome.Message.Es);
        Assert.Contains($"the investment plan covers {years} years; 5 years", outcome.Message.En);
    }

    [Theory]
    [InlineData(Sector.Health, null, "salud")]
    [InlineData(Sector.Education, null, "educación")]
    [InlineData(null, CommunityOrganisationKind.WaterBoard, "al menos una JASS (junta de agua)")]
    public void Committee_needs_health_education_and_a_water_board(Sector? sector, CommunityOrganisationKind? kind, string es)
    {
        var committee = Sample.District().Committee;
        var district = Sample.District() with
        {
            Committee = new Representation(
                committee.Sectors.Where(s => s != sector).ToHashSet(),
                committee.CommunityOrganisations.Where(k => k != kind).ToHashSet()),
        };

        var outcome = Gate("institutional", district).Outcome("committee.sector-missing")!;

        Assert.Equal($"San Juan: el comité de apoyo a la gestión de agua y saneamiento aún no tiene miembros de: {es}.", outcome.Message.Es);
        Assert.StartsWith("San Juan: the water and sanitation support committee still has no members from: ", outcome.Message.En);
    }

    [Fact]
    public void Committee_without_local_authorities_or_ngos_is_enough()
    {
        var district = Sample.District() with
        {
            Committee = Sample.Represented([Sector.Health, Sector.Education], CommunityOrganisationKind.WaterBoard),
        };

        Assert.Empty(Gate("institutional", district));
    }

    [Fact]
    public void Goal_without_target_names_the_goals()
    {
        var district = Sample.District() with
        {
            StrategicGoals =
            [
                new StrategicGoal("Cobertura de agua", 80m),
                new StrategicGoal("Familias con hábitos de higiene", null),
                new StrategicGoal("Municipalidad fortalecida", null),
            ],
        };

        var outcome = Gate("design", district).Outcome("plan.goal-without-target")!;

        Assert.Equal("San Juan: objetivos estratégicos sin meta numérica: Familias con hábitos de higiene, Municipalidad fortalecida.", outcome.Message.Es);
        Assert.Equal("San Juan: strategic goals without a numeric target: Familias con hábitos de higiene, Municipalidad fortalecida.", outcome.Message.En);
    }

    [Fact]
    public void Goal_with_a_zero_target_has_a_target()
    {
        var district = Sample.District() with { StrategicGoals = [new StrategicGoal("Casos de EDA", 0m)] };

        Assert.Empty(Gate("design", district));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("Regidor de servicios sociales", false)]
    public void Activity_without_owner(string? owner, bool raised)
    {
        var district = Sample.District() with
        {
            OperatingPlanActivities = [new OperatingPlanActivity("Capacitar a las JASS", "ATM"), new OperatingPlanActivity("Taller de higiene", owner)],
        };

        var outcome = Gate("design", district).Outcome("plan.activity-without-owner");

        Assert.Equal(raised, outcome is not null);
        if (outcome is null) return;
        Assert.Equal("San Juan: actividades del plan operativo anual sin responsable: Taller de higiene.", outcome.Message.Es);
        Assert.Equal("San Juan: annual operating plan activities without an owner: Taller de higiene.", outcome.Message.En);
    }
}
