using Propilas.Rules.Engine;

namespace Propilas.Rules.Tests.Engine;

public sealed class RuleVocabularyTests
{
    [Theory]
    [InlineData("preparatory", GateStage.Preparatory)]
    [InlineData("design", GateStage.Design)]
    [InlineData("institutional", GateStage.Institutional)]
    public void Stage_ids_of_the_workflow_map_to_gates_and_back(string stageId, GateStage gate)
    {
        Assert.True(RuleVocabulary.TryParseStage(stageId, out var parsed));
        Assert.Equal(gate, parsed);
        Assert.Equal(stageId, RuleVocabulary.StageId(gate));
    }

    [Fact]
    public void Every_role_has_a_word_that_parses_back()
    {
        Assert.All(Enum.GetValues<Role>(), role =>
        {
            Assert.True(RuleVocabulary.TryParseRole(RuleVocabulary.RoleId(role), out var parsed));
            Assert.Equal(role, parsed);
        });
        Assert.Equal("health-post", RuleVocabulary.RoleId(Role.HealthPost));
    }
}
