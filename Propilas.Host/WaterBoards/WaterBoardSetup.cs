using Propilas.Host.Alerts;
using Propilas.Host.Rules;

namespace Propilas.Host.WaterBoards;

public static class WaterBoardSetup
{
    public static IServiceCollection AddWaterBoards(this IServiceCollection services)
    {
        services.AddScoped<WaterBoardCommands>();
        services.AddScoped<WaterBoardQueries>();
        services.AddAlertSource<WaterBoardAlertSource>(WaterBoardAlertSource.RuleSet);
        services.RequireRuleSet(WaterBoardAlertSource.RuleSet, nameof(WaterBoardQueries)); // the loan-arrears penalty rate
        return services;
    }
}
