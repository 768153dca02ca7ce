using Propilas.Rules.Csv;
using Propilas.Rules.Facts;

namespace Propilas.Rules.Obligations;

/// <summary>
/// The stakeholder-role matrix (<c>stakeholder-role-matrix.csv</c>, English, as published) joined with its Spanish
/// rendering (<c>stakeholder-role-matrix.es.csv</c>, keyed by step, stakeholder and the English text, so a changed
/// English row without a matching translation fails at start-up instead of being shown out of step).
/// </summary>
public sealed class StakeholderRoleMatrix
{
    public const string FileName = "stakeholder-role-matrix.csv";
    public const string SpanishFileName = "stakeholder-role-matrix.es.csv";

    private static readonly Dictionary<string, Stakeholder> Stakeholders = new()
    {
        ["municipality"] = Stakeholder.Municipality,
        ["community"] = Stakeholder.Community,
        ["ministry_of_education"] = Stakeholder.MinistryOfEducation,
        ["ministry_of_health"] = Stakeholder.MinistryOfHealth,
    };

    private StakeholderRoleMatrix(IReadOnlyList<MatrixRow> rows)
    {
        Rows = rows;
        TextByKey = rows.ToDictionary(r => r.Key, r => r.Text);
    }

    public IReadOnlyList<MatrixRow> Rows { get; }

    /// <summary>Each row's text by its key.</summary>
    public IReadOnlyDictionary<string, LocalizedText> TextByKey { get; }

    public static StakeholderRoleMatrix Load(string folder)
    {
        var spanish = new Dictionary<(string Step, string Stakeholder, string English), string>();
        foreach (var row in CsvTable.Read(Path.Combine(folder, SpanishFileName), ["step", "stakeholder", "obligation", "obligacion"]))
        {
            var (step, stakeholder, english, es) = (row["step"], row["stakeholder"], row["obligation"], row["obligacion"]);
            if (string.IsNullOrWhiteSpace(es)) throw new InvalidDataException($"{row.Where}: empty Spanish text for '{english}'");
            if (!spanish.TryAdd((step, stakeholder, english), es))
                throw new InvalidDataException($"{row.Where}: '{step},{stakeholder},{english}' appears twice");
        }

        var rows = new List<MatrixRow>();
        var ordinals = new Dictionary<(string, Stakeholder), int>();
        var translated = new HashSet<(string, string, string)>();
        foreach (var row in CsvTable.Read(Path.Combine(folder, FileName), ["phase", "step", "stakeholder", "obligation"]))
        {
            var (phaseWord, step, stakeholderWord, english) = (row["phase"], row["step"], row["stakeholder"], row["obligation"]);
            var where = row.Where;
            var phase = PhaseOf(phaseWord, step) ?? throw new InvalidDataException($"{where}: unknown phase/step '{phaseWord},{step}'");
            if (!Stakeholders.TryGetValue(stakeholderWord, out var stakeholder))
                throw new InvalidDataException($"{where}: unknown stakeholder '{stakeholderWord}'");
            if (!spanish.TryGetValue((step, stakeholderWord, english), out var es))
                throw new InvalidDataException($"{where}: no Spanish text in {SpanishFileName} for '{step},{stakeholderWord},{english}'");
            translated.Add((step, stakeholderWord, english));

            var ordinal = ordinals[(step, stakeholder)] = ordinals.GetValueOrDefault((step, stakeholder)) + 1;
            rows.Add(new MatrixRow($"{step}.{stakeholderWord}.{ordinal}", phase, step, stakeholder, new LocalizedText(es, english)));
        }

        var orphan = spanish.Keys.FirstOrDefault(k => !translated.Contains(k));
        if (orphan != default)
            throw new InvalidDataException($"{SpanishFileName}: '{orphan.Step},{orphan.Stakeholder},{orphan.English}' matches no row of {FileName}");
        return new StakeholderRoleMatrix(rows);
    }

    private static ObligationPhase? PhaseOf(string phase, string step) => (phase, step) switch
    {
        ("planning", "diagnosis") => ObligationPhase.Diagnosis,
        ("planning", "planning") => ObligationPhase.Planning,
        ("execution", "execution_of_projects" or "financing") => ObligationPhase.Execution,
        ("post_execution", "follow_up_and_monitoring" or "technical_assistance" or "management_of_services") => ObligationPhase.PostExecution,
        _ => null,
    };
}
