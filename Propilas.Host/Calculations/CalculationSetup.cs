using Propilas.Host.Rules;

namespace Propilas.Host.Calculations;

public static class CalculationSetup
{
    /// <summary>The calculators' default parameters, read once from the rules folder (<c>Rules:Folder</c>).</summary>
    public static IServiceCollection AddCalculations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CalculationDefaults.Load(RulesSetup.FolderOf(configuration)));
        return services;
    }
}
