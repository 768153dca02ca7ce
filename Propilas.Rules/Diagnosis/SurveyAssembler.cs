using Propilas.Rules.Facts;
using Kind = Propilas.Rules.Diagnosis.DiagnosisImportErrorKind;

namespace Propilas.Rules.Diagnosis;

/// <summary>Checks across rows (duplicates, one locality told two ways) and groups rows into localities.</summary>
internal static class SurveyAssembler
{
    public static void CheckAcrossRows(IReadOnlyList<SurveyRow> rows, List<DiagnosisImportError> errors)
    {
        var firstRowOfLocality = new Dictionary<string, SurveyRow>();
        var systemLines = new Dictionary<(string Locality, string System), int>();

        foreach (var row in rows)
        {
            if (row.Locality is null) continue;
            var locality = Key(row.Locality);

            if (row is { HasSystem: true, SystemName: { } system } &&
                !systemLines.TryAdd((locality, Key(system)), row.Line))
                errors.Add(new(row.Line, SurveyColumns.SystemName, Kind.DuplicateLocalitySystem,
                    new LocalizedText($"la localidad '{row.Locality}' con el sistema '{system}' ya está en la línea {systemLines[(locality, Key(system))]}",
                        $"locality '{row.Locality}' with system '{system}' is already on line {systemLines[(locality, Key(system))]}")));

            if (!firstRowOfLocality.TryAdd(locality, row))
            {
                var first = firstRowOfLocality[locality];
                if (first.HasSystem == false || row.HasSystem == false)
                    errors.Add(new(row.Line, SurveyColumns.HasSystem, Kind.DuplicateLocalitySystem,
                        new LocalizedText($"la localidad '{row.Locality}' ya está en la línea {first.Line}; una localidad sin sistema de agua lleva una sola fila",
                            $"locality '{row.Locality}' is already on line {first.Line}; a locality without a water system takes a single row")));
                CheckSameLocalityValues(first, row, errors);
            }
        }
    }

    public static DiagnosisSurvey Build(IReadOnlyList<SurveyRow> rows) =>
        new(rows.GroupBy(r => Key(r.Locality!))
            .Select(rowsOfLocality =>
            {
                var first = rowsOfLocality.First();
                return new SurveyedLocality(
                    first.Locality!,
                    first.Families!.Value,
                    first.Population,
                    first.FamiliesWithSafeWater!.Value,
                    first.Hygiene,
                    first.ChildHealth,
                    rowsOfLocality.Where(r => r.HasSystem == true).Select(ToSystem).ToList());
            })
            .ToList());

    private static SurveyedWaterSystem ToSystem(SurveyRow r) => new(
        r.SystemName!,
        r.YearBuilt,
        new SustainabilityScores(r.StateScore!.Value, r.ManagementScore!.Value, r.OmScore!.Value),
        r.Chlorinates!.Value,
        r.OmPlan!.Value);

    private static void CheckSameLocalityValues(SurveyRow first, SurveyRow row, List<DiagnosisImportError> errors)
    {
        foreach (var ((column, expected), (_, actual)) in first.LocalityValues().Zip(row.LocalityValues()))
        {
            if (first.Invalid.Contains(column) || row.Invalid.Contains(column) || Equals(expected, actual)) continue;
            errors.Add(new(row.Line, column, Kind.InconsistentLocality,
                new LocalizedText($"'{actual}' difiere de '{expected}' de la línea {first.Line}; cada fila de la localidad '{row.Locality}' repite los valores de la localidad",
                    $"'{actual}' differs from '{expected}' on line {first.Line}; every row of locality '{row.Locality}' must repeat the locality's values")));
        }
    }

    /// <summary>Names match ignoring case and extra spaces ("Santa  rosa" is "Santa Rosa").</summary>
    private static string Key(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
