using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>
/// A message with placeholders such as <c>{waterBoard.Name}</c>, <c>{visitOverdueDays}</c> or <c>{latePenalty:N2}</c>:
/// a path over the fact, a parameter or a computed value, with an optional .NET format. <c>{{</c> and <c>}}</c> are literal braces.
/// Each placeholder is compiled like an expression, so an unknown name fails at load.
/// </summary>
internal sealed partial class MessageTemplate
{
    private readonly string[] _literals;
    private readonly Hole[] _holes;

    private MessageTemplate(string text, string[] literals, Hole[] holes)
    {
        (Text, _literals, _holes) = (text, literals, holes);
        TextDigest = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    /// <summary>The template as written in the rule file.</summary>
    public string Text { get; }

    /// <summary>A stable digest of <see cref="Text"/>, taken once: every message made from this template starts with it.</summary>
    public ulong TextDigest { get; }

    public IReadOnlySet<string> UsedNames { get; private init; } = new HashSet<string>();

    public IReadOnlySet<string> UsedMembers { get; private init; } = new HashSet<string>();

    public static MessageTemplate Compile(string text, ExpressionScope scope, ExpressionCompiler compiler)
    {
        var literals = new List<string>();
        var holes = new List<Hole>();
        var used = new HashSet<string>();
        var members = new HashSet<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i += 2; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i += 2; continue; }
            if (c == '}') throw new RuleCompileException($"unmatched '}}' at position {i}");
            if (c != '{') { literal.Append(c); i++; continue; }

            var close = text.IndexOf('}', i);
            if (close < 0) throw new RuleCompileException($"unclosed '{{' at position {i}");
            var match = PlaceholderPattern().Match(text[(i + 1)..close]);
            if (!match.Success)
                throw new RuleCompileException($"placeholder '{text[i..(close + 1)]}' must be a name or path, optionally with ':format'");

            var path = match.Groups["path"].Value;
            CompiledExpression<object> value;
            try
            {
                value = compiler.CompileValue(path, scope);
            }
            catch (RuleCompileException e)
            {
                throw new RuleCompileException($"placeholder '{{{path}}}': {e.Message}", e);
            }
            used.UnionWith(value.UsedNames);
            members.UnionWith(value.UsedMembers);
            holes.Add(new Hole(value.Invoke, match.Groups["format"].Success ? match.Groups["format"].Value : null));
            literals.Add(literal.ToString());
            literal.Clear();
            i = close + 1;
        }
        literals.Add(literal.ToString());
        return new MessageTemplate(text, [.. literals], [.. holes]) { UsedNames = used, UsedMembers = members };
    }

    /// <summary>The placeholders' values for one evaluation, in order: what <see cref="Render"/> formats.</summary>
    public object?[] Values(object[] args)
    {
        if (_holes.Length == 0) return [];
        var values = new object?[_holes.Length];
        for (var h = 0; h < _holes.Length; h++) values[h] = _holes[h].Value(args);
        return values;
    }

    public string Render(object?[] values, Language language)
    {
        if (_holes.Length == 0) return _literals[0];
        var text = new StringBuilder(_literals[0]);
        for (var h = 0; h < _holes.Length; h++)
        {
            text.Append(ValueFormatter.Format(values[h], _holes[h].Format, language));
            text.Append(_literals[h + 1]);
        }
        return text.ToString();
    }

    private sealed record Hole(Func<object[], object> Value, string? Format);

    [GeneratedRegex(@"^(?<path>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)(:(?<format>[^{}]+))?$")]
    private static partial Regex PlaceholderPattern();
}
