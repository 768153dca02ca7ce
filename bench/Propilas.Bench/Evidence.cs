namespace Propilas.Bench;

/// <summary>Valid evidence for the PROPILAS steps the load test completes.</summary>
public static class Evidence
{
    public static readonly (string Step, object Evidence)[] CoordinatorSteps =
    [
        ("methodology", new { workshopsHeld = 3, workshopDates = new[] { "2026-01-10", "2026-01-20", "2026-02-01" } }),
        ("induction", new { meetingDates = new[] { "2026-02-10" }, mayorAttended = true, aldermenAttended = 3, officialsAttended = 2 }),
        ("diagnosis", new { localitiesSurveyed = 24 }),
    ];

    /// <summary>A one-locality diagnosis survey (Seed/data/diagnosis/README.md).</summary>
    public const string Survey =
        "locality,families,families_with_safe_water,has_system,system_name,year_built,state_score,management_score,om_score,chlorinates,om_plan\n" +
        "Centro,40,30,yes,SAP Centro,1998,3,3,2,yes,no\n";

    public static readonly object Invitations = new { invitationsSent = 30 };

    public static readonly object MayorSupport = new { statementDate = "2026-02-15" };

    public static readonly object[] GateInvitations =
    [
        Invitation("Puesto de salud", "health"),
        Invitation("Institución educativa", "education"),
        Invitation("Gobernación", "local-authority"),
        Invitation("JASS del centro poblado", "community-organisation", "water-board"),
    ];

    private static object Invitation(string organisation, string sector, string? kind = null) => new
    {
        organisation, sector, communityOrganisationKind = kind, contact = "bench", @event = "methodology-workshop",
        invitedOn = "2026-02-01", invitedBy = "bench",
    };
}
