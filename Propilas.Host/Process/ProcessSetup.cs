using Propilas.Host.Rules;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Process;

public static class ProcessSetup
{
    /// <summary>The workflow runtime over the database: published definitions, instances, and gate conditions read by the rules.</summary>
    public static IServiceCollection AddProcess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ProcessSettings.From(configuration));
        services.AddSingleton<CatalogHolder>();
        services.AddScoped<IWorkflowStore, EfWorkflowStore>();
        services.AddScoped<IGateConditionEvaluator, RulesGateConditions>();
        services.AddScoped(sp => new WorkflowRuntime(sp.GetRequiredService<CatalogHolder>().Catalog, sp.GetRequiredService<IWorkflowStore>(),
            sp.GetRequiredService<IGateConditionEvaluator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ProcessContext>();
        services.AddScoped<DefinitionPublisher>();
        return services;
    }
}
