namespace Propilas.Host.Diagnosis;

/// <summary>The survey template and sample shipped beside the seed surveys (<c>Seed/data/diagnosis</c>).</summary>
public sealed class DiagnosisFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Seed", "data", "diagnosis");

    public IResult Template() => File("template.csv", "plantilla-diagnostico.csv");

    /// <summary>The template with its columns headed in Spanish (the importer reads either).</summary>
    public IResult SpanishTemplate() => TypedResults.File(
        System.Text.Encoding.UTF8.GetBytes(string.Join(',', Propilas.Rules.Diagnosis.SurveyColumns.All.Select(c => Propilas.Rules.Diagnosis.SurveyColumns.Spanish[c])) + "\n"),
        "text/csv; charset=utf-8", "plantilla-diagnostico-es.csv");

    public IResult Sample() => File("sample.csv", "ejemplo-diagnostico.csv");

    private static IResult File(string name, string downloadName) =>
        TypedResults.File(System.IO.File.ReadAllBytes(Path.Combine(Folder, name)), "text/csv; charset=utf-8", downloadName);
}
