using Hangfire;
using Hangfire.Dashboard;
using Propilas.Host.Accounts;

namespace Propilas.Host.Alerts;

/// <summary>
/// Hangfire on in-memory storage: everything that matters lives in our database, so a restart loses only the
/// schedule's bookkeeping, which is rebuilt at start-up. Cron from <c>Alerts:Schedule</c> (default every 15 minutes).
/// </summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AlertReconciler>();
        services.AddScoped<AlertAcknowledgement>();
        services.AddScoped<AlertInbox>();
        services.AddScoped<AlertRules>();
        services.AddScoped<DistrictChanges>();
        services.AddScoped<AlertPassJob>();
        // This host's own storage, not Hangfire's process-wide JobStorage.Current, which several hosts in one
        // process (the tests) would share and dispose under each other.
        services.AddSingleton<JobStorage>(_ => new Hangfire.InMemory.InMemoryStorage());
        services.AddHangfire(c => c.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        if (configuration.GetValue("Alerts:RunServer", true))
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(1, Math.Min(Environment.ProcessorCount, 2)));
        return services;
    }

    public static void UseAlertSchedule(this WebApplication app)
    {
        var cron = app.Configuration["Alerts:Schedule"] is { Length: > 0 } c ? c : "*/15 * * * *";
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<AlertPassJob>(AlertPassJob.RecurringId, job => job.RunAsync(CancellationToken.None), cron);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new CoordinatorOnly()],
            DisplayStorageConnectionString = false,
        });
    }

    private sealed class CoordinatorOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsCoordinator();
    }
}
