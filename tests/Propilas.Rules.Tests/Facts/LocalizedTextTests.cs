using Propilas.Rules.Facts;

namespace Propilas.Rules.Tests.Facts;

public sealed class LocalizedTextTests
{
    [Theory]
    [InlineData("es", "falta")]
    [InlineData("en", "missing")]
    [InlineData("EN", "missing")]
    [InlineData("qu", "falta")] // any other language gets the users' own, Spanish
    public void A_page_language_picks_the_text(string language, string expected) =>
        Assert.Equal(expected, new LocalizedText("falta", "missing").In(language));
}
