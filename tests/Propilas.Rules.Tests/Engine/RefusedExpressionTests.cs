using Propilas.Rules.Engine;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Propilas.Rules.Tests.Engine;

public sealed class RefusedExpressionTests
{
    [Theory]
    // Refused by RulesEngine itself (Dynamic LINQ with AutoRegisterInputType = false and our custom types):
    [InlineData("""System.IO.File.Exists("/etc/passwd")""")]
    [InlineData("""File.Exists("/etc/passwd")""")]
    [InlineData("""System.Diagnostics.Process.Start("sh") != null""")]
    [InlineData("typeof(string).Assembly != null")]
    [InlineData("Activator.CreateInstance(typeof(object)) != null")]
    [InlineData("""Type.GetType("System.IO.File") != null""")]
    [InlineData("AppDomain.CurrentDomain != null")]
    [InlineData("Environment.ProcessId > 0")]
    [InlineData("""new System.Net.WebClient() != null""")]
    [InlineData("""waterBoard.Name.GetType().Assembly.GetTypes().Length > 0""")]
    // Accepted by RulesEngine, refused by our ExpressionGuard:
    [InlineData("""   "x".GetType().Assembly != null""")]
    [InlineData("""waterBoard.GetType().Assembly.Location != "" """)]
    [InlineData("""waterBoard.Name.GetType().FullName != "" """)]
    [InlineData("""waterBoard.Subject.GetType() != null""")]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("DateTimeOffset.UtcNow.Year > 2000")]
    [InlineData("Guid.NewGuid() != Guid.Empty")]
    [InlineData("""Convert.ToInt32("3") == 3""")]
    public void Reaching_outside_the_facts_is_refused_at_load(string expression)
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(raisesWhen: $"days > 0 && ({expression.Trim()})");

        var exception = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(folder.Path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("boards.json", "water-board.test"), (error.File, error.RuleId));
        Assert.StartsWith("raisesWhen: ", error.Error);
    }

    [Theory]
    [InlineData("""   "x".GetType().Assembly != null""", "'Object.GetType' is not allowed")]
    [InlineData("DateTime.Now.Year > 2000", "'DateTime.Now' is not allowed")]
    [InlineData("Guid.NewGuid() != Guid.Empty", "'Guid.NewGuid' is not allowed")]
    public void The_guard_says_what_it_refused(string expression, string reason)
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(raisesWhen: $"days > 0 && ({expression.Trim()})");

        var error = Assert.Single(Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(folder.Path)).Errors);

        Assert.Contains("refused: " + reason, error.Error);
    }

    [Fact]
    public void A_refused_member_is_refused_in_a_message_placeholder_too()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(
            message: """{ "es": "{waterBoard.Name.GetType}", "en": "{days}" }""");

        var error = Assert.Single(Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(folder.Path)).Errors);

        Assert.StartsWith("message.es: placeholder", error.Error);
    }

    /// <summary>
    /// Why the guard exists: with our settings RulesEngine's own parser still reaches an assembly through GetType().
    /// If a RulesEngine upgrade starts refusing this, the guard becomes a second fence rather than the only one.
    /// </summary>
    [Fact]
    public void RulesEngine_alone_lets_GetType_through()
    {
        var parser = new RuleExpressionParser(RuleSecurity.CreateSettings());

        var reachesAssembly = parser.Evaluate<bool>("\"x\".GetType().Assembly != null", [new RuleParameter("n", 1)]);

        Assert.True(reachesAssembly);
    }

    // The aggregate has its selector, as the shipped rules write it: a bare "new[] { 1, 2 }.Sum()" once failed to
    // resolve in Dynamic LINQ ("No generic method 'Sum'...") in one CI run of about thirty.
    [Fact]
    public void Facts_their_parts_math_and_linq_are_allowed()
    {
        using var folder = new TempRuleFolder().WithWaterBoardRule(
            raisesWhen: "Math.Max(waterBoard.InstallmentsOverdue, 0) >= days && waterBoard.Name.Trim().ToUpper().StartsWith(\"S\") && new[] { 1, 2 }.Sum(n => n) == 3 && waterBoard.Subject.Kind == \"water-board\"");

        Assert.Single(RuleBookLoader.Load(folder.Path).Rules);
    }
}
