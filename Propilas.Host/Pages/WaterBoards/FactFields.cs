namespace Propilas.Host.Pages.WaterBoards;

/// <summary>What <c>_FactFields</c> renders: a board's fact inputs named <c>Prefix + field</c>, with their errors.</summary>
/// <param name="ErrorPrefix">How the command names this form's errors (<c>observed.</c> for a visit's facts).</param>
/// <param name="WithNames">Whether the name, locality and system are editable here.</param>
public sealed record FactFields(WaterBoardForm Form, string Prefix, IReadOnlyDictionary<string, string[]> Errors, string ErrorPrefix, bool WithNames)
{
    public string[]? ErrorsOf(string field) => Errors.GetValueOrDefault(ErrorPrefix + field);

    public string Id(string field) => (Prefix + field).Replace('.', '-');
}
