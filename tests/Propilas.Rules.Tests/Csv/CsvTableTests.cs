using Propilas.Rules.Csv;

namespace Propilas.Rules.Tests.Csv;

public sealed class CsvTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csv-table-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "datos.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cells_are_found_by_column_and_quoted_fields_keep_their_commas()
    {
        var rows = CsvTable.Read(Write("district,province\n\"La Encañada, anexo\",Cajamarca\n\nSucre,Celendín\n"));

        Assert.Equal(2, rows.Count);
        Assert.Equal("La Encañada, anexo", rows[0]["district"]);
        Assert.Equal("Celendín", rows[1]["province"]);
        Assert.Equal(4, rows[1].Line);
    }

    [Fact]
    public void A_header_other_than_the_expected_one_is_refused_with_the_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsvTable.Read(Write("step,actor\nx,y\n"), ["step", "stakeholder"]));

        Assert.Equal("datos.csv: the header must be 'step,stakeholder'", error.Message);
    }

    [Fact]
    public void A_record_of_the_wrong_width_names_its_physical_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsvTable.Read(Write("a,b\n\"uno\ndos\",2\n3\n")));

        Assert.Equal("datos.csv line 4: expected 2 fields, found 1", error.Message);
    }

    [Fact]
    public void A_syntax_error_stops_the_read_instead_of_skipping_the_record()
    {
        var error = Assert.Throws<InvalidDataException>(() => CsvTable.Read(Write("a,b\n1,2\n\"abierto,3\n")));

        Assert.StartsWith("datos.csv line 3: quoted field opened on line 3 is never closed", error.Message);
    }

    [Fact]
    public void An_unknown_column_is_named()
    {
        var row = CsvTable.Read(Write("a,b\n1,2\n"))[0];

        var error = Assert.Throws<InvalidDataException>(() => row["c"]);
        Assert.Equal("datos.csv: no column 'c' in the header", error.Message);
    }
}
