using System.Collections;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>
/// The message of a rule that holds, in Spanish and English. The placeholder values are taken when the rule holds, the
/// texts formatted only when read: a full pass finds some hundred thousand outcomes, and nearly all of them are stored
/// alerts that have not changed. <see cref="Digest"/> tells two messages apart without formatting either.
/// </summary>
public sealed class RuleMessage
{
    private readonly MessageTemplate? _es, _en;
    private readonly object?[] _esValues = [], _enValues = [];
    private string? _esText, _enText;

    internal RuleMessage(MessageTemplate es, MessageTemplate en, object[] args)
    {
        (_es, _en) = (es, en);
        _esValues = es.Values(args);
        _enValues = en.Values(args);
        var hash = new XxHash64();
        Span<ulong> templates = [es.TextDigest, en.TextDigest];
        hash.Append(MemoryMarshal.AsBytes(templates));
        foreach (var value in _esValues) Append(hash, value);
        foreach (var value in _enValues) Append(hash, value);
        Digest = hash.GetCurrentHashAsUInt64();
    }

    private RuleMessage(string es, string en)
    {
        (_esText, _enText) = (es, en);
        var hash = new XxHash64();
        Append(hash, es);
        Append(hash, en);
        Digest = hash.GetCurrentHashAsUInt64();
    }

    /// <summary>A message with nothing to fill in.</summary>
    public static RuleMessage Fixed(string es, string en) => new(es, en);

    public string Es => _esText ??= _es!.Render(_esValues, Language.Es);

    public string En => _enText ??= _en!.Render(_enValues, Language.En);

    public string In(Language language) => language == Language.Es ? Es : En;

    /// <summary>The same for equal templates and values, in any process: a stored alert keeps it to compare against.</summary>
    public ulong Digest { get; }

    public override string ToString() => Es;

    private static void Append(XxHash64 hash, object? value)
    {
        switch (value)
        {
            case null:
                Tag(hash, 0);
                break;
            case string text:
                Tag(hash, 1);
                Int(hash, text.Length);
                hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
                break;
            case bool flag:
                Tag(hash, flag ? (byte)2 : (byte)3);
                break;
            case decimal amount:
                Tag(hash, 4);
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(amount, bits);
                hash.Append(MemoryMarshal.AsBytes(bits));
                break;
            case DateOnly date:
                Tag(hash, 5);
                Int(hash, date.DayNumber);
                break;
            case LocalizedText text:
                Tag(hash, 6);
                Append(hash, text.Es);
                Append(hash, text.En);
                break;
            case Enum item:
                Tag(hash, 7);
                Append(hash, item.ToString());
                break;
            case IFormattable formattable:
                Tag(hash, 8);
                Append(hash, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                Tag(hash, 9);
                foreach (var item in items) Append(hash, item);
                Tag(hash, 10);
                break;
            default:
                Tag(hash, 11);
                Append(hash, value.ToString());
                break;
        }
    }

    private static void Tag(XxHash64 hash, byte tag) => hash.Append([tag]);

    private static void Int(XxHash64 hash, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        MemoryMarshal.Write(bytes, value);
        hash.Append(bytes);
    }
}
