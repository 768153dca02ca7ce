namespace Propilas.Host.Pages.WaterBoards;

/// <summary>What <c>_FactFields</c> renders: a board's fact inputs named <c>Prefix + field</c>, with their errors.</summary>
/// <param name="ErrorPrefix">How the command names this form's errors (<c>observed.</c> for a visit's facts).</param>
/// <param name="WithNames">Whether the name, locality and system are editable here.</param>
public sealed record FactFields(WaterBoardForm Form, string Prefix, IReadOnlyDictionary<string, string[]> Errors, string ErrorPrefix, bool WithNames)
{
    public string[]? ErrorsOf(string field) => Errors.GetValueOrDefault(ErrorPrefix + field);

    public string Id(string field) => (Prefix + field).Replace('.', '-');

    /// <summary>This form's problems for its error summary, each linking to its input, in the page's language.</summary>
    public IReadOnlyList<Shared.FieldProblem> Problems(Microsoft.Extensions.Localization.IStringLocalizer texts) => Errors
        .Where(e => e.Key.StartsWith(ErrorPrefix, StringComparison.Ordinal))
        .Select(e => new Shared.FieldProblem(Id(e.Key[ErrorPrefix.Length..]), string.Join(" ", e.Value.Select(m => texts[m].Value))))
        .ToList();
}
