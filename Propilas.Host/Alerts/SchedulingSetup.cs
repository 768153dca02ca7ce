using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Propilas.Host.Database;
using Propilas.Host.Accounts;

namespace Propilas.Host.Alerts;

/// <summary>
/// Hangfire's storage. On SQLite (one host) in memory: everything that matters lives in our database, so a restart loses
/// only the schedule's bookkeeping, which is rebuilt at start-up. On PostgreSQL in the database (schema <c>hangfire</c>),
/// shared by the hosts: a recurring job runs once per schedule whichever host picks it up, and a job a killed host left
/// is retried by another. Cron from <c>Alerts:Schedule</c> (default every 15 minutes).
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
        services.AddSingleton<JobStorage>(sp => sp.GetRequiredService<DatabaseConfiguration>() is { IsPostgres: true } database
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, JobStorageOptions(configuration)), JobStorageOptions(configuration))
            : new Hangfire.InMemory.InMemoryStorage());
        services.AddHangfire(c => c.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        if (configuration.GetValue("Alerts:RunServer", true))
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = Math.Max(1, Math.Min(Environment.ProcessorCount, 2));
                // How often the server looks for recurring and delayed jobs that are due (Hangfire's default 15 s).
                o.SchedulePollingInterval = TimeSpan.FromSeconds(configuration.GetValue("Alerts:SchedulePollSeconds", 15));
            });
        return services;
    }

    private static PostgreSqlStorageOptions JobStorageOptions(IConfiguration configuration) => new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        // How soon an idle worker looks for an enqueued job (Hangfire's default 15 s).
        QueuePollInterval = TimeSpan.FromMilliseconds(configuration.GetValue("Alerts:QueuePollMilliseconds", 2000)),
        // A job whose host died mid-run goes back to the queue after this, for another host to run.
        InvisibilityTimeout = TimeSpan.FromMinutes(configuration.GetValue("Alerts:InvisibilityMinutes", 30)),
    };

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
