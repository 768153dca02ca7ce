using Propilas.Rules.Engine;
using Propilas.Rules.Facts;

namespace Propilas.Host.Alerts;

/// <summary>The rules that raise alerts (those some alert source runs), by the titles their files give them.</summary>
public sealed class AlertRules(RuleBook book, IEnumerable<IAlertSource> sources)
{
    private readonly Lazy<IReadOnlyList<RuleDescriptor>> _raising = new(() => [.. book.Rules.Where(r => sources.Any(s => s.Raises(r.Id)))]);

    public IReadOnlyList<RuleDescriptor> Raising => _raising.Value;

    public bool IsKnown(string ruleId) => Raising.Any(r => r.Id == ruleId);

    /// <summary>The rule's title; null when its file gives none (or it is no longer loaded), and the page says "other alert".</summary>
    public LocalizedText? TitleOf(string ruleId) => book.Rules.FirstOrDefault(r => r.Id == ruleId)?.Title;
}
