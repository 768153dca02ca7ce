namespace Propilas.Rules.Facts;

/// <summary>A fact the rules evaluate; the subject names what an alert raised on it is about.</summary>
public interface IRuleFact
{
    RuleSubject Subject { get; }
}
