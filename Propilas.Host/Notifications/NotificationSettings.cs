namespace Propilas.Host.Notifications;

/// <summary>
/// <c>Notifications:*</c>: where links point (<c>BaseUrl</c>), the hour of the daily digest in Peru (<c>DigestHour</c>),
/// and how e-mail leaves: over SMTP when <c>Smtp:Host</c> is set, otherwise as .eml files in <c>PickupFolder</c>.
/// </summary>
public sealed record NotificationSettings
{
    public string BaseUrl { get; init; } = "http://localhost:5000";
    public int DigestHour { get; init; } = 7;
    public string From { get; init; } = "Propilas <avisos@propilas.example.pe>";
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 25;
    public string PickupFolder { get; init; } = "";

    /// <summary>Peru's time zone: the day a message belongs to and the digest's hour are Lima's.</summary>
    public static readonly TimeZoneInfo Lima = TimeZoneInfo.FindSystemTimeZoneById("America/Lima");

    public static DateOnly DayInLima(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Lima).DateTime);

    public static NotificationSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Notifications");
        return new NotificationSettings
        {
            BaseUrl = (section["BaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/'),
            DigestHour = section.GetValue("DigestHour", 7),
            From = section["From"] is { Length: > 0 } from ? from : "Propilas <avisos@propilas.example.pe>",
            SmtpHost = section["Smtp:Host"] is { Length: > 0 } host ? host : null,
            SmtpPort = section.GetValue("Smtp:Port", 25),
            PickupFolder = section["PickupFolder"] is { Length: > 0 } folder ? folder
                : Path.Combine(environment.ContentRootPath, "App_Data", "mail-pickup"),
        };
    }
}
