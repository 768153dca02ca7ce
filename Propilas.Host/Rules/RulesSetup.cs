using Propilas.Rules.Engine;

namespace Propilas.Host.Rules;

public static class RulesSetup
{
    /// <summary>
    /// Loads and compiles every rule file now, while the host is being built: a bad file or expression stops
    /// start-up with the file, the rule and the error (<see cref="RuleLoadException"/>).
    /// </summary>
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        var book = RuleBookLoader.Load(FolderOf(configuration));
        services.AddSingleton(book);
        services.AddSingleton<IRuleEvaluator>(new RuleEvaluator(book));
        services.AddScoped<IGateFactsProvider, ProcessEvidenceFactsProvider>();
        return services;
    }

    /// <summary>Where rule files are read from: <c>Rules:Folder</c>, by default <c>workflows/rules</c> beside the binaries.</summary>
    public static string FolderOf(IConfiguration configuration) =>
        configuration["Rules:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "workflows", "rules");
}
