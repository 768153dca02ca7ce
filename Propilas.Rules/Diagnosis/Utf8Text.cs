using System.Text;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Diagnosis;

/// <summary>
/// Decodes a file as strict UTF-8, with or without a BOM, normalised to NFC so that "Celendín"
/// typed with a combining accent equals the precomposed one. Spreadsheets on Spanish Windows
/// often save as Windows-1252: that is rejected rather than silently turning "ñ" into "�".
/// </summary>
public static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> content, out string text, out LocalizedText? error)
    {
        text = "";
        error = null;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            error = new("el archivo está en UTF-16; guárdelo como \"CSV UTF-8\"", "the file is UTF-16; save it as \"CSV UTF-8\"");
            return false;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            content = content[3..];

        try
        {
            text = Strict.GetString(content).Normalize(NormalizationForm.FormC);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var line = e.Index >= 0 && e.Index < content.Length ? content[..e.Index].Count((byte)'\n') + 1 : (int?)null;
            error = new($"el archivo no es UTF-8 válido{(line is null ? "" : $" (línea {line})")}; guárdelo como \"CSV UTF-8\"",
                $"the file is not valid UTF-8{(line is null ? "" : $" (line {line})")}; save it as \"CSV UTF-8\"");
            return false;
        }
    }
}
