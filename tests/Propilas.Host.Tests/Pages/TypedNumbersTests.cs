using Propilas.Host.Pages.Localization;

namespace Propilas.Host.Tests.Pages;

/// <summary>Every form reads a typed number the same way; a thousands comma is never taken for a decimal one.</summary>
public sealed class TypedNumbersTests
{
    [Theory]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1 234.5", 1234.5)] // as the Spanish pages print it
    [InlineData("1\u00a0234.5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("S/ 25,000", 25000)] // as written in Peru: twenty-five thousand, not twenty-five
    [InlineData("25,000", 25000)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("1234,5", 1234.5)] // a comma that cannot group thousands is a decimal comma
    [InlineData("12,50", 12.5)]
    [InlineData("0,125", 0.125)]
    [InlineData("1234,567", 1234.567)]
    [InlineData("-1,500", -1500)]
    public void Reads_a_decimal_as_typed(string typed, double expected) =>
        Assert.Equal((decimal)expected, TypedNumbers.TryDecimal(typed, out var value) ? value : throw new Xunit.Sdk.XunitException($"'{typed}' not read"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("doce")]
    [InlineData("1,2,3")]
    [InlineData("1.234,5")] // Spain's way round: refused rather than guessed
    public void Refuses_what_is_not_a_number(string typed) => Assert.False(TypedNumbers.TryDecimal(typed, out _));

    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1 200", 1200)]
    [InlineData("1,200", 1200)]
    [InlineData("-3", -3)]
    public void Reads_a_whole_number_grouped_or_not(string typed, int expected)
    {
        Assert.True(TypedNumbers.TryInt(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,5")] // would otherwise read as 125
    [InlineData("1,20")]
    [InlineData("12.5")]
    [InlineData("")]
    public void Refuses_a_whole_number_that_is_not_one(string typed) => Assert.False(TypedNumbers.TryInt(typed, out _));
}
