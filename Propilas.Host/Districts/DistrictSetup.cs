namespace Propilas.Host.Districts;

public static class DistrictSetup
{
    public static IServiceCollection AddDistricts(this IServiceCollection services)
    {
        services.AddScoped<DistrictRegistration>();
        services.AddScoped<DistrictAccounts>();
        return services;
    }
}
