using Propilas.Rules.Csv;

namespace Propilas.Rules.Tests.Csv;

/// <summary>Issue 18, point 7: a text a spreadsheet would run as a formula is written as text; numbers stay numbers.</summary>
public class CsvCellsTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+51 976 000 000", "'+51 976 000 000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"x\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\"")]
    [InlineData("San Juan", "San Juan")]
    [InlineData("Celendín, norte", "\"Celendín, norte\"")]
    [InlineData("", "")]
    public void Text_cells_that_would_run_as_formulas_are_written_as_text(string value, string written) =>
        Assert.Equal(written, CsvCells.Text(value));

    [Fact]
    public void Numbers_stay_numbers_even_when_negative() =>
        Assert.Equal("-5,12.5,,0", CsvCells.Line(CsvCells.Number(-5), CsvCells.Number(12.5m), CsvCells.Number((int?)null), CsvCells.Number(0)));
}
