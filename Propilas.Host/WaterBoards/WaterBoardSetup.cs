using Propilas.Host.Alerts;

namespace Propilas.Host.WaterBoards;

public static class WaterBoardSetup
{
    public static IServiceCollection AddWaterBoards(this IServiceCollection services)
    {
        services.AddScoped<WaterBoardCommands>();
        services.AddScoped<WaterBoardQueries>();
        services.AddScoped<IAlertSource, WaterBoardAlertSource>();
        return services;
    }
}
