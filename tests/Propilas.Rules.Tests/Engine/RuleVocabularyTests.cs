using Propilas.Rules.Engine;

namespace Propilas.Rules.Tests.Engine;

public sealed class RuleVocabularyTests
{
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
