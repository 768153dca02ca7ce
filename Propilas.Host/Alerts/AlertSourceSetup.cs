using Propilas.Host.Rules;

namespace Propilas.Host.Alerts;

public static class AlertSourceSetup
{
    /// <summary>Registers an alert source with the rule set whose rules it runs: start-up refuses to run without that set.</summary>
    public static IServiceCollection AddAlertSource<TSource>(this IServiceCollection services, string ruleSetId) where TSource : class, IAlertSource =>
        services.AddScoped<IAlertSource, TSource>().RequireRuleSet(ruleSetId, typeof(TSource).Name);
}
