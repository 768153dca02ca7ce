using Propilas.Host.Alerts;
using Propilas.Host.Commitments;
using Propilas.Host.Committee;
using Propilas.Host.Invitations;
using Propilas.Host.StrategicPlan;
using Propilas.Host.Rules;

namespace Propilas.Host.Participation;

/// <summary>Invitations, commitments, the support committee and the plan's goals and activities: the records the stage gates read.</summary>
public static class ParticipationSetup
{
    public static IServiceCollection AddParticipation(this IServiceCollection services)
    {
        services.AddScoped<ParticipationContext>();
        services.AddScoped<InvitationBook>();
        services.AddScoped<CommitmentBook>();
        services.AddScoped<CommitteeRoster>();
        services.AddScoped<PlanBook>();
        services.AddScoped<IGateFactsProvider, DistrictGateFactsProvider>();
        services.AddAlertSource<InvitationAlerts>("invitations");
        services.AddAlertSource<CommitmentAlerts>("commitments");
        return services;
    }

    public static void MapParticipation(this IEndpointRouteBuilder app)
    {
        app.MapInvitations();
        app.MapCommitments();
        app.MapCommittee();
        app.MapPlan();
    }
}
