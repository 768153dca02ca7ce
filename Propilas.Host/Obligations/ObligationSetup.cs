using Propilas.Host.Alerts;
using Propilas.Host.Process;
using Propilas.Rules.Obligations;

namespace Propilas.Host.Obligations;

public static class ObligationSetup
{
    /// <summary>Loads the stakeholder-role matrix and the due-date file now: a bad file stops start-up, naming it.</summary>
    public static IServiceCollection AddObligations(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["Rules:Folder"] is { Length: > 0 } f ? f : Path.Combine(AppContext.BaseDirectory, "workflows", "rules");
        var matrix = StakeholderRoleMatrix.Load(folder);
        services.AddSingleton(matrix);
        services.AddSingleton(new ObligationPlanner(matrix));
        services.AddSingleton(ObligationDueDates.Load(folder));
        services.AddScoped<IWorkflowWriteListener, ObligationSync>();
        services.AddScoped<IAlertSource, ObligationAlertSource>();
        services.AddScoped<ObligationCommands>();
        services.AddScoped<ObligationQueries>();
        return services;
    }
}
