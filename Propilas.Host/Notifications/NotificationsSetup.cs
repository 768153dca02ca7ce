using Hangfire;
using Propilas.Host.Database;

namespace Propilas.Host.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = NotificationSettings.Read(configuration, environment);
        services.AddSingleton(settings);
        services.AddSingleton<AlertMessageWriter>();
        services.ConfigureDbContext<PropilasDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AlertMessageWriter>()));
        if (settings.SmtpHost is not null) services.AddSingleton<IMessageChannel, SmtpChannel>();
        else services.AddSingleton<IMessageChannel, PickupFolderChannel>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<DigestJob>();
        services.AddScoped<OutboxResend>();
        services.AddHostedService<DemoPeopleSeeder>();
        return services;
    }

    /// <summary>Delivery every minute (Notifications:DeliverySchedule), the digest daily.</summary>
    public static void MapNotifications(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var cron = app.Configuration["Notifications:DeliverySchedule"] is { Length: > 0 } c ? c : "* * * * *";
        jobs.AddOrUpdate<OutboxDelivery>(OutboxDelivery.RecurringId, job => job.RunAsync(CancellationToken.None), cron);
        DigestJob.Schedule(jobs, app.Services.GetRequiredService<NotificationSettings>());
    }
}
