using System.Security.Cryptography;
using System.Text;

namespace Propilas.Host.Alerts;

/// <summary>
/// A short digest of what a person sees of an alert (severity, audience, escalation, messages), stored with it, so a
/// pass can tell an unchanged alert from a changed one without reading its messages back.
/// </summary>
public static class AlertFingerprint
{
    public static string Of(AlertCandidate c)
    {
        var text = string.Join('\u001f', c.Severity, string.Join(',', c.Notifies), c.Escalated ? "1" : "0", c.Message.Es, c.Message.En);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
    }
}
