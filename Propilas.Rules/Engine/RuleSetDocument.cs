using System.Text.Json;

namespace Propilas.Rules.Engine;

// The JSON shape of a rule file. Everything is nullable so that the loader, not the serializer,
// reports what is missing, naming the rule.

internal sealed class RuleSetDocument
{
    public string? Format { get; set; }
    public string? Id { get; set; }
    public string? Fact { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, JsonElement>? Parameters { get; set; }
    public List<RuleDocument>? Rules { get; set; }
}

internal sealed class RuleDocument
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    /// <summary>Optional: what the rule is about, in a few words, for people (e.g. an alerts inbox names it so).</summary>
    public MessageDocument? Title { get; set; }
    public string? Severity { get; set; }
    public List<string>? Notifies { get; set; }
    /// <summary>Named values computed before the condition, in order; each may use the ones before it.</summary>
    public JsonElement? Computed { get; set; }
    public string? RaisesWhen { get; set; }
    public EscalationDocument? Escalation { get; set; }
    public MessageDocument? Message { get; set; }
    /// <summary>Alternative messages; the first whose condition holds replaces <see cref="Message"/>.</summary>
    public List<MessageCaseDocument>? MessageCases { get; set; }
}

internal sealed class EscalationDocument
{
    public string? When { get; set; }
    public List<string>? AlsoNotifies { get; set; }
    public string? Severity { get; set; }
}

internal sealed class MessageDocument
{
    public string? Es { get; set; }
    public string? En { get; set; }
}

internal sealed class MessageCaseDocument
{
    public string? When { get; set; }
    public string? Es { get; set; }
    public string? En { get; set; }
}
