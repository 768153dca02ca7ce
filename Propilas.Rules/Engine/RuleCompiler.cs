using System.Text.Json;

namespace Propilas.Rules.Engine;

/// <summary>Validates and compiles one rule of a set; throws <see cref="RuleCompileException"/> on the first problem.</summary>
internal static class RuleCompiler
{
    public static CompiledRule Compile(
        RuleDocument rule, RuleSetContext set, ExpressionCompiler compiler, ISet<string> usedNames)
    {
        var severity = ParseSeverity(rule.Severity, "severity");
        var notifies = ParseRoles(rule.Notifies, "notifies");
        if (rule.Message is null) throw new RuleCompileException("'message' is missing");
        RequireText(rule.Message.Es, "message.es");
        RequireText(rule.Message.En, "message.en");
        Propilas.Rules.Facts.LocalizedText? title = null;
        if (rule.Title is { } titleDocument)
        {
            if (string.IsNullOrWhiteSpace(titleDocument.Es) || string.IsNullOrWhiteSpace(titleDocument.En))
                throw new RuleCompileException("'title' needs Spanish and English ('title.es', 'title.en')");
            title = new(titleDocument.Es.Trim(), titleDocument.En.Trim());
        }

        var scope = set.Scope;
        var members = new HashSet<string>();
        var computed = new List<Func<object[], object>>();
        if (rule.Computed is { } computedElement)
        {
            if (computedElement.ValueKind != JsonValueKind.Object)
                throw new RuleCompileException("'computed' must be an object of name: expression");
            foreach (var value in computedElement.EnumerateObject())
            {
                if (RuleNames.ProblemWithIdentifier(value.Name) is { } problem) throw new RuleCompileException($"computed {problem}");
                if (scope.Contains(value.Name)) throw new RuleCompileException($"computed '{value.Name}' hides the fact or a parameter of the same name");
                if (value.Value.ValueKind != JsonValueKind.String) throw new RuleCompileException($"computed '{value.Name}' must be an expression string");
                var compiled = Part($"computed '{value.Name}'", () => compiler.CompileValue(value.Value.GetString()!, scope));
                Track(compiled.UsedNames, compiled.UsedMembers);
                computed.Add(compiled.Invoke);
                scope = scope.With(value.Name, compiled.ResultType);
            }
        }

        var raisesWhen = Part("raisesWhen", () => compiler.CompileCondition(rule.RaisesWhen ?? "", scope));
        Track(raisesWhen.UsedNames, raisesWhen.UsedMembers);

        Func<object[], bool>? escalatesWhen = null;
        var escalatedSeverity = severity;
        IReadOnlyList<Role> escalationRoles = [];
        if (rule.Escalation is { } escalation)
        {
            var when = Part("escalation.when", () => compiler.CompileCondition(escalation.When ?? "", scope));
            Track(when.UsedNames, when.UsedMembers);
            escalatesWhen = when.Invoke;
            escalationRoles = ParseRoles(escalation.AlsoNotifies, "escalation.alsoNotifies");
            if (escalation.Severity is not null) escalatedSeverity = ParseSeverity(escalation.Severity, "escalation.severity");
        }

        var messages = new List<CompiledMessage>();
        foreach (var (messageCase, index) in (rule.MessageCases ?? []).Select((c, i) => (c, i)))
        {
            var part = $"messageCases[{index}]";
            RequireText(messageCase.Es, $"{part}.es");
            RequireText(messageCase.En, $"{part}.en");
            var when = Part($"{part}.when", () => compiler.CompileCondition(messageCase.When ?? "", scope));
            Track(when.UsedNames, when.UsedMembers);
            messages.Add(new CompiledMessage(when.Invoke, Template($"{part}.es", messageCase.Es!), Template($"{part}.en", messageCase.En!)));
        }
        messages.Add(new CompiledMessage(null, Template("message.es", rule.Message.Es!), Template("message.en", rule.Message.En!)));

        var factPrefix = set.Scope.Parameters[0].Name + ".";
        var factMembers = members.Where(m => m.StartsWith(factPrefix, StringComparison.Ordinal)).Select(m => m[factPrefix.Length..]).ToHashSet();
        var descriptor = new RuleDescriptor(rule.Id!, set.Id, set.File, set.FactType, severity, notifies, escalationRoles) { FactMembers = factMembers, Title = title };
        return new CompiledRule(
            descriptor,
            set.Scope.Count,
            [.. computed],
            raisesWhen.Invoke,
            escalatesWhen,
            escalatedSeverity,
            [.. notifies.Concat(escalationRoles).Distinct()],
            [.. messages]);

        MessageTemplate Template(string part, string text)
        {
            var template = Part(part, () => MessageTemplate.Compile(text, scope, compiler));
            Track(template.UsedNames, template.UsedMembers);
            return template;
        }

        void Track(IReadOnlySet<string> names, IReadOnlySet<string> readMembers)
        {
            usedNames.UnionWith(names);
            members.UnionWith(readMembers);
        }
    }

    public static int ComputedCount(RuleDocument rule) =>
        rule.Computed is { ValueKind: JsonValueKind.Object } computed ? computed.EnumerateObject().Count() : 0;

    private static T Part<T>(string part, Func<T> compile)
    {
        try
        {
            return compile();
        }
        catch (RuleCompileException e)
        {
            throw new RuleCompileException($"{part}: {e.Message}", e);
        }
    }

    private static void RequireText(string? text, string part)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RuleCompileException($"'{part}' is missing (messages need Spanish and English)");
    }

    private static Severity ParseSeverity(string? word, string part) =>
        RuleVocabulary.TryParseSeverity(word, out var severity)
            ? severity
            : throw new RuleCompileException($"{part}: unknown severity '{word}' (known: {RuleVocabulary.KnownSeverities})");

    private static IReadOnlyList<Role> ParseRoles(List<string>? words, string part)
    {
        if (words is null || words.Count == 0) throw new RuleCompileException($"'{part}' must name at least one role");
        var roles = new List<Role>();
        foreach (var word in words)
        {
            if (!RuleVocabulary.TryParseRole(word, out var role))
                throw new RuleCompileException($"{part}: unknown role '{word}' (known: {RuleVocabulary.KnownRoles})");
            if (!roles.Contains(role)) roles.Add(role);
        }
        return roles;
    }
}

/// <summary>What a rule needs to know about the set it belongs to.</summary>
internal sealed record RuleSetContext(string Id, string File, Type FactType, ExpressionScope Scope);
