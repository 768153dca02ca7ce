using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.RuleSets;

/// <summary>Facts for which no rule holds; each test changes what it is about.</summary>
public static class Sample
{
    public static WaterBoardFacts Board() => new()
    {
        Id = 42,
        Name = "Santa Rosa",
        Locality = "Chamcas",
        WaterSystem = "gravedad con tratamiento",
        LegallyConstituted = true,
        AomTrained = true,
        HasOmPlan = true,
        Chlorinates = true,
        LastTariffReviewOn = new DateOnly(2025, 2, 1),
        MonthsSinceTariffReview = 4,
        InstallmentsDue = 24,
        InstallmentsPaid = 24,
        InstallmentAmount = 150.50m,
        ReplacementDepositMadeLastMonth = true,
        AnnualTariffRevenue = 5_000m,
        AnnualOmCost = 2_400m,
        AnnualDebtService = 1_806m,
        AnnualReplacementProvision = 600m,
        LastVisitOn = new DateOnly(2025, 5, 20),
        DaysSinceLastVisit = 30,
    };

    public static InvitationFacts Invitation() => new()
    {
        Id = 7,
        Organisation = "Puesto de Salud Llacanora",
        Sector = Sector.Health,
        Event = InvitationEvent.MethodologyWorkshop,
        InvitedOn = new DateOnly(2025, 3, 3),
        Answered = false,
        DaysSinceInvitation = 5,
    };

    public static CommitmentFacts Commitment() => new()
    {
        Id = 11,
        Party = "Municipalidad Distrital de San Juan",
        What = "Contrapartida para la rehabilitación del sistema de agua",
        Amount = 12_500m,
        DueOn = new DateOnly(2025, 4, 30),
        Status = CommitmentStatus.Pending,
        DaysOverdue = 0,
        DaysUntilDue = 60,
    };

    public static ObligationFacts Obligation() => new()
    {
        Id = 5,
        Key = "diagnosis.ministry_of_health.1",
        Stakeholder = Stakeholder.MinistryOfHealth,
        Text = new LocalizedText("Brindar información sobre la clasificación de riesgos sanitarios", "Provide information on the classification of health risks"),
        DueOn = new DateOnly(2025, 4, 30),
        Fulfilled = false,
        DaysOverdue = 0,
        DaysUntilDue = 60,
    };

    public static Representation Represented(IEnumerable<Sector> sectors, params CommunityOrganisationKind[] organisations) =>
        new(sectors.ToHashSet(), organisations.ToHashSet());

    public static DistrictGateFacts District() => new()
    {
        DistrictKey = "san-juan",
        Name = "San Juan",
        Invited = Represented(
            [Sector.Health, Sector.Education, Sector.LocalAuthority, Sector.CommunityOrganisation, Sector.Ngo],
            CommunityOrganisationKind.WaterBoard, CommunityOrganisationKind.VasoDeLeche),
        Committee = Represented(
            [Sector.Health, Sector.Education, Sector.CommunityOrganisation],
            CommunityOrganisationKind.WaterBoard),
        InvestmentYears = [.. Enumerable.Range(2006, 5).Select(year => new InvestmentYear(year, 200_000m, 20_000m))],
        StrategicGoals =
        [
            new StrategicGoal("Población con acceso permanente a agua de buena calidad", 80m),
            new StrategicGoal("Reducir la EDA en menores de cinco años", 30m),
        ],
        OperatingPlanActivities =
        [
            new OperatingPlanActivity("Capacitar a las JASS en AOM", "ATM"),
            new OperatingPlanActivity("Vigilar la cloración", "Puesto de salud"),
        ],
    };
}
