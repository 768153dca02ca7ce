using System.Text;
using Propilas.Rules.Csv;
using Propilas.Rules.Diagnosis;

namespace Propilas.Rules.Tests.Csv;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var document = CsvReader.Parse("a,b\n\"La Pampa, anexo\",\"dijo \"\"sí\"\"\"\n\"dos\r\nlíneas\",x\n");

        Assert.Empty(document.Errors);
        Assert.Equal(["La Pampa, anexo", "dijo \"sí\""], document.Records[1].Fields);
        Assert.Equal(["dos\r\nlíneas", "x"], document.Records[2].Fields);
    }

    [Fact]
    public void Records_carry_the_physical_line_where_they_start()
    {
        var document = CsvReader.Parse("h1,h2\r\n\"one\ntwo\",1\r\n\r\nlast,2");

        Assert.Equal([1, 2, 4, 5], document.Records.Select(r => r.Line));
        Assert.True(document.Records[2].IsBlank);
        Assert.Equal(["last", "2"], document.Records[3].Fields);
    }

    [Fact]
    public void Trailing_comma_gives_an_empty_last_field()
    {
        var document = CsvReader.Parse("a,b,\n");

        Assert.Equal(["a", "b", ""], document.Records.Single().Fields);
    }

    [Fact]
    public void Malformed_records_are_reported_and_reading_goes_on()
    {
        var document = CsvReader.Parse("a,b\n\"x\"y,1\nok,2\nbad \"quote\",3\nfine,4\n\"never closed,5\n");

        Assert.Collection(document.Errors,
            e => Assert.Equal((2, true), (e.Line, e.Text.En.Contains("after a closing quote"))),
            e => Assert.Equal((4, true), (e.Line, e.Text.En.Contains("quote inside an unquoted field"))),
            e => Assert.Equal((6, true), (e.Line, e.Text.En.Contains("never closed"))));
        Assert.Equal(["a", "ok", "fine"], document.Records.Select(r => r.Fields[0]));
    }

    [Fact]
    public void Utf8_with_and_without_bom_decodes_the_same_and_normalises_accents()
    {
        var plain = Encoding.UTF8.GetBytes("Celendín,Huañambra");
        var withBom = (byte[])[0xEF, 0xBB, 0xBF, .. plain];
        var decomposed = Encoding.UTF8.GetBytes("Celendín,Huañambra".Normalize(NormalizationForm.FormD));

        Assert.True(Utf8Text.TryDecode(plain, out var a, out _));
        Assert.True(Utf8Text.TryDecode(withBom, out var b, out _));
        Assert.True(Utf8Text.TryDecode(decomposed, out var c, out _));
        Assert.Equal("Celendín,Huañambra", a);
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void Windows_1252_and_utf16_are_rejected()
    {
        byte[] latin1 = [0xEF, 0xBB, 0xBF, .. "province\nCajamarca\nCelend"u8, 0xED, .. "n\n"u8]; // "Celendín" in Windows-1252
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("locality")).ToArray();

        Assert.False(Utf8Text.TryDecode(latin1, out _, out var latinError));
        Assert.Equal(new("el archivo no es UTF-8 válido (línea 3); guárdelo como \"CSV UTF-8\"",
            "the file is not valid UTF-8 (line 3); save it as \"CSV UTF-8\""), latinError);
        Assert.False(Utf8Text.TryDecode(utf16, out _, out var utf16Error));
        Assert.Contains("UTF-16", utf16Error!.En);
        Assert.Contains("UTF-16", utf16Error.Es);
    }
}
