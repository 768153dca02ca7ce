using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Propilas.Host.Notifications;

/// <summary>One way messages leave: e-mail now; SMS or WhatsApp would plug in here. A send that throws is tried again later.</summary>
public interface IMessageChannel
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

public static class Mail
{
    public static MimeMessage Of(OutboxMessage message, NotificationSettings settings)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Title;
        // The outbox row is the message's identity: a retried send carries the same Message-Id.
        mail.MessageId = $"outbox-{message.Id}@propilas";
        var text = new TextPart("plain") { Text = message.Body };
        text.Headers.Add(HeaderId.ContentLanguage, message.Language);
        mail.Body = text;
        return mail;
    }
}

/// <summary>E-mail over SMTP (<c>Notifications:Smtp:Host</c>, <c>Port</c>), with STARTTLS when the server offers it.</summary>
public sealed class SmtpChannel(NotificationSettings settings) : IMessageChannel
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = 20_000 };
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, SecureSocketOptions.Auto, ct);
        await client.SendAsync(Mail.Of(message, settings), ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>The default without a mail server: each message an .eml file in the pickup folder (<c>App_Data/mail-pickup</c>).</summary>
public sealed class PickupFolderChannel(NotificationSettings settings) : IMessageChannel
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.PickupFolder);
        var file = Path.Combine(settings.PickupFolder, $"outbox-{message.Id}.eml");
        await Mail.Of(message, settings).WriteToAsync(file, ct);
    }
}
