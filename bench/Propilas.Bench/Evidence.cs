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

    public static readonly object Invitations = new { invitationsSent = 30 };

    public static readonly object MayorSupport = new { statementDate = "2026-02-15" };
}
