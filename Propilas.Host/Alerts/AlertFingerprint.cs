using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Propilas.Host.Alerts;

/// <summary>
/// A short digest of what a person sees of an alert (severity, audience, escalation, messages), stored with it, so a
/// pass can tell an unchanged alert from a changed one without formatting its messages or reading them back.
/// </summary>
public static class AlertFingerprint
{
    public static string Of(AlertCandidate c)
    {
        var hash = new XxHash64();
        Text(hash, c.Severity);
        foreach (var role in c.Notifies) Text(hash, role);
        Span<ulong> tail = [c.Escalated ? 1UL : 0UL, c.Message.Digest];
        hash.Append(MemoryMarshal.AsBytes(tail));
        return Convert.ToHexString(hash.GetCurrentHash());
    }

    private static void Text(XxHash64 hash, string text)
    {
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        hash.Append([0x1f, 0]);
    }
}
