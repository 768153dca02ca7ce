using Propilas.Host.Alerts;
using Propilas.Host.Process;
using Propilas.Host.Rules;
using Propilas.Rules.Obligations;

namespace Propilas.Host.Obligations;

public static class ObligationSetup
{
    /// <summary>Loads the stakeholder-role matrix and the due-date file now: a bad file stops start-up, naming it.</summary>
    public static IServiceCollection AddObligations(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = RulesSetup.FolderOf(configuration);
        var matrix = StakeholderRoleMatrix.Load(folder);
        services.AddSingleton(matrix);
        services.AddSingleton(new ObligationPlanner(matrix));
        services.AddSingleton(ObligationDueDates.Load(folder));
        services.AddScoped<IWorkflowWriteListener, ObligationSync>();
        services.AddAlertSource<ObligationAlertSource>("obligations");
        services.AddScoped<ObligationCommands>();
        services.AddScoped<ObligationQueries>();
        return services;
    }
}
