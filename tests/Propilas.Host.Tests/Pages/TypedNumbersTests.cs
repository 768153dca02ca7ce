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
        Assert.Equal((decimal)expected, TypedNumbers.Read(typed).Value ?? throw new Xunit.Sdk.XunitException($"'{typed}' not read"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("doce")]
    [InlineData("1,2,3")]
    [InlineData("1.234,5")] // Spain's way round: refused rather than guessed
    public void Refuses_what_is_not_a_number(string typed) => Assert.Null(TypedNumbers.Read(typed).Value);

    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1 200", 1200)]
    [InlineData("1,200", 1200)]
    [InlineData("-3", -3)]
    public void Reads_a_whole_number_grouped_or_not(string typed, int expected)
    {
        Assert.Equal(expected, TypedNumbers.ReadWhole(typed).Value);
    }

    [Theory]
    [InlineData("12,5")] // would otherwise read as 125
    [InlineData("1,20")]
    [InlineData("12.5")]
    [InlineData("")]
    public void Refuses_a_whole_number_that_is_not_one(string typed) => Assert.Null(TypedNumbers.ReadWhole(typed).Value);

    // Issue 16, point 4: the inputs every form is tried with.
    [Theory]
    [InlineData("25,000", 25000)]
    [InlineData("25 000", 25000)]
    [InlineData("25000,50", 25000.5)]
    [InlineData("S/ 25,000.50", 25000.5)]
    [InlineData("S/. 25,000.50", 25000.5)] // the sol's older sign
    [InlineData("1.234.567", 1234567)] // two dot groups cannot be decimals: thousands
    [InlineData("3.618.342", 3618342)]
    [InlineData("0.500", 0.5)] // a leading zero cannot group thousands
    [InlineData("1234.567", 1234.567)]
    [InlineData("25.5", 25.5)]
    public void Reads_the_issues_entries_as_meant(string typed, double expected)
    {
        var reading = TypedNumbers.Read(typed);
        Assert.Null(reading.Problem);
        Assert.Equal((decimal)expected, reading.Value);
    }

    [Theory]
    [InlineData("25.000", 25000, 25)]
    [InlineData("3.500", 3500, 3.5)]
    [InlineData("S/ 1.234", 1234, 1.234)]
    [InlineData("-2.500", -2500, -2.5)]
    public void Refuses_a_dot_and_three_digits_with_both_readings(string typed, double thousands, double asDecimal)
    {
        var reading = TypedNumbers.Read(typed);
        Assert.Null(reading.Value);
        Assert.Equal((typed, NumberProblemKind.Ambiguous), (reading.Problem!.Typed, reading.Problem.Kind));
        Assert.Equal((decimal)thousands, reading.Problem.AsThousands);
        Assert.Equal((decimal)asDecimal, reading.Problem.AsDecimal);
        Assert.Null(TypedNumbers.ReadWhole(typed).Value);
    }

    [Theory]
    [InlineData("1.234.5")]
    [InlineData("1.23.456")]
    [InlineData("25.000,50")]
    [InlineData("1,234.567.8")]
    [InlineData("5.")]
    [InlineData("S/ mil")]
    [InlineData("--5")]
    public void Refuses_mixed_or_broken_separators(string typed)
    {
        var reading = TypedNumbers.Read(typed);
        Assert.Null(reading.Value);
        Assert.Equal(NumberProblemKind.NotANumber, reading.Problem!.Kind);
    }

    [Fact]
    public void Blank_is_neither_a_value_nor_a_problem()
    {
        Assert.True(TypedNumbers.Read("  ").IsBlank);
        Assert.True(TypedNumbers.ReadWhole(null).IsBlank);
    }

    [Fact]
    public void A_whole_number_field_says_a_fraction_is_not_whole()
    {
        Assert.Equal(NumberProblemKind.NotWhole, TypedNumbers.ReadWhole("25000,50").Problem!.Kind);
        Assert.Equal(1234567m, TypedNumbers.ReadWhole("1.234.567").Value);
        Assert.Equal(NumberProblemKind.Ambiguous, TypedNumbers.ReadWhole("25.000").Problem!.Kind);
    }

    [Theory]
    [InlineData(25000, "25000")]
    [InlineData(25000.5, "25000.5")]
    [InlineData(1.125, "1.1250")] // "1.125" would read two ways
    [InlineData(0.125, "0.125")]
    [InlineData(1234567, "1234567")]
    public void A_stored_value_goes_back_into_an_input_as_it_reads_back(double stored, string written)
    {
        Assert.Equal(written, TypedNumbers.ForInput((decimal)stored));
        Assert.Equal((decimal)stored, TypedNumbers.Read(written).Value);
        Assert.Equal("25", TypedNumbers.ForInput(25.000m)); // a stored scale of three does not come back as "25.000"
    }
}
