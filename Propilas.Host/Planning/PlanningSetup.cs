using Propilas.Host.Diagnosis;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Process;
using Propilas.Host.Projects;
using Propilas.Host.Rules;
using Propilas.Rules.Diagnosis;

namespace Propilas.Host.Planning;

/// <summary>The planners' data: district diagnoses, investment plans, and projects (instances of other definitions).</summary>
public static class PlanningSetup
{
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        var rules = RulesSetup.FolderOf(configuration);
        // Loaded now: a bad scoring file stops start-up naming the file and the field.
        services.AddSingleton(SustainabilityRulesLoader.LoadFile(Path.Combine(rules, "sustainability.json")));
        services.AddSingleton<DiagnosisFiles>();
        services.AddScoped<DiagnosisSummaries>();
        services.AddScoped<DiagnosisImporter>();
        services.AddScoped<DiagnosisSeeder>();
        services.AddScoped<InvestmentPlanner>();
        services.AddScoped<InvestmentInputsEditor>();
        services.AddScoped<InvestmentInputsSeeder>();
        services.AddScoped<IWorkflowWriteListener, InvestmentPlanRecorder>();
        services.AddScoped<IGateFactsProvider, DistrictPlanningFactsProvider>();
        return services;
    }

    public static void MapPlanning(this IEndpointRouteBuilder app)
    {
        app.MapDiagnosis();
        app.MapInvestmentPlans();
        app.MapProjects();
    }
}
