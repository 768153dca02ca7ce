using Propilas.Rules.Facts;

namespace Propilas.Rules.Engine;

/// <summary>One rule ready to run: every delegate reads the same argument array (fact, parameters, computed values).</summary>
internal sealed class CompiledRule(
    RuleDescriptor descriptor,
    int computedOffset,
    Func<object[], object>[] computed,
    Func<object[], bool> raisesWhen,
    Func<object[], bool>? escalatesWhen,
    Severity escalatedSeverity,
    IReadOnlyList<Role> escalatedNotifies,
    CompiledMessage[] messages)
{
    public RuleDescriptor Descriptor => descriptor;

    public RuleOutcome? Evaluate(object[] args, FactInEvaluation fact)
    {
        try
        {
            for (var i = 0; i < computed.Length; i++) args[computedOffset + i] = computed[i](args);
            if (!raisesWhen(args)) return null;

            var escalated = escalatesWhen is not null && escalatesWhen(args);
            var message = MessageFor(args);
            return new RuleOutcome(
                descriptor.Id,
                fact.Subject,
                escalated ? escalatedSeverity : descriptor.Severity,
                escalated ? escalatedNotifies : descriptor.Notifies,
                escalated,
                new RuleMessage(message.Es, message.En, args));
        }
        catch (Exception e)
        {
            throw new RuleEvaluationException(descriptor.Id, fact.Subject.ToString(), e);
        }
    }

    /// <summary>The first message case whose condition holds; the last message has none and always does.</summary>
    private CompiledMessage MessageFor(object[] args)
    {
        foreach (var message in messages)
            if (message.When is null || message.When(args)) return message;
        throw new InvalidOperationException("a rule always ends with its default message");
    }
}

/// <summary>A message and the condition under which it is used (null: the default, always last).</summary>
internal sealed record CompiledMessage(Func<object[], bool>? When, MessageTemplate Es, MessageTemplate En);

/// <summary>The fact being evaluated; its subject is built once, and only if some rule holds.</summary>
internal sealed class FactInEvaluation(IRuleFact fact)
{
    private RuleSubject? _subject;

    public RuleSubject Subject => _subject ??= fact.Subject;
}
