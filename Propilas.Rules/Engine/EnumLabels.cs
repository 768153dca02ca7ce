using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>How messages name our enum values in each language.</summary>
internal static class EnumLabels
{
    private static readonly Dictionary<Enum, LocalizedText> Labels = new()
    {
        [Sector.Health] = new("salud", "health"),
        [Sector.Education] = new("educación", "education"),
        [Sector.LocalAuthority] = new("autoridades locales", "local authorities"),
        [Sector.CommunityOrganisation] = new("organizaciones comunales", "community organisations"),
        [Sector.Ngo] = new("ONG", "NGOs"),
        [CommunityOrganisationKind.WaterBoard] = new("al menos una JASS (junta de agua)", "at least one water board (JASS)"),
        [CommunityOrganisationKind.DevelopmentCommittee] = new("comité de desarrollo", "development committee"),
        [CommunityOrganisationKind.VasoDeLeche] = new("comité del Vaso de Leche", "Vaso de Leche committee"),
        [CommunityOrganisationKind.PeasantPatrol] = new("ronda campesina", "peasant patrol"),
        [CommunityOrganisationKind.IrrigationCommittee] = new("comité de regantes", "irrigation committee"),
        [CommunityOrganisationKind.Other] = new("otra organización comunal", "other community organisation"),
        [Stakeholder.Municipality] = new("Municipalidad", "Municipality"),
        [Stakeholder.Community] = new("Comunidad", "Community"),
        [Stakeholder.MinistryOfEducation] = new("Ministerio de Educación", "Ministry of Education"),
        [Stakeholder.MinistryOfHealth] = new("Ministerio de Salud", "Ministry of Health"),
        [InvitationEvent.MethodologyWorkshop] = new("taller de metodología", "methodology workshop"),
        [InvitationEvent.PlanningWorkshop] = new("taller de planificación", "planning workshop"),
        [CommitmentStatus.Pending] = new("pendiente", "pending"),
        [CommitmentStatus.Fulfilled] = new("cumplido", "fulfilled"),
        [CommitmentStatus.Cancelled] = new("anulado", "cancelled"),
    };

    public static string For(Enum value, Language language) =>
        Labels.TryGetValue(value, out var label) ? label.In(language) : value.ToString();
}
