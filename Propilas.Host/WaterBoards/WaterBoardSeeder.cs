using System.Text;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Rules.Diagnosis;

namespace Propilas.Host.WaterBoards;

/// <summary>
/// Demo data: one water board per water system of each pilot's diagnosis survey (<c>Seed/data/diagnosis/&lt;slug&gt;.csv</c>),
/// so the boards agree with the diagnosis (and its totals with <c>districts.csv</c>): same localities and systems, the same
/// O&amp;M plans and chlorination. The other facts are invented but plausible and deterministic: organisation and AOM follow the
/// system's management and O&amp;M scores; visits, tariffs, loans and fund deposits vary by a hash of the district and board,
/// counted back from today (some boards visited recently, some long ago, some never; a few in loan arrears).
/// </summary>
public sealed class WaterBoardSeeder(PropilasDb db, TimeProvider time)
{
    public const string SeedUser = "seed";

    private static readonly string[] Findings =
    [
        "Reservorio limpio; se revisó el libro de caja y el padrón de usuarios.",
        "Fugas en la línea de conducción; la JASS programó una faena comunal.",
        "Cloración por goteo funcionando; cloro residual 0.5 mg/l en la última vivienda.",
        "La junta directiva no se reúne desde hace meses; se recomendó convocar a asamblea.",
        "Cuota familiar cobrada a la mayoría de usuarios; morosidad baja.",
        "Captación con vegetación; se coordinó la limpieza con el operador.",
        "Se capacitó al operador en la limpieza y desinfección del reservorio.",
        "Válvulas de purga en mal estado; se presupuestó su reposición.",
    ];

    public async Task<int> SeedAsync(string diagnosisFolder, IReadOnlyCollection<District> districts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seeded = 0;
        foreach (var district in districts)
        {
            var file = Path.Combine(diagnosisFolder, $"{district.Slug}.csv");
            if (!File.Exists(file) || await db.Set<WaterBoard>().AnyAsync(b => b.DistrictId == district.Id, ct)) continue;
            var survey = DiagnosisSurveyImporter.ImportFile(file);
            if (!survey.Succeeded)
                throw new InvalidOperationException($"Seed file {file} does not import: {string.Join("; ", survey.Errors.Select(e => $"line {e.Line} {e.Column}: {e.Message}"))}");

            var boards = new List<(WaterBoard Board, List<WaterBoardVisit> Visits)>();
            foreach (var locality in survey.Survey.Localities)
                foreach (var system in locality.Systems)
                {
                    var families = Math.Max(1, locality.Families / locality.Systems.Count);
                    boards.Add(Invent(new Dice($"{district.Slug}/{boards.Count}"), district, locality.Name, system, families, today, now));
                }
            db.AddRange(boards.Select(b => b.Board));
            await db.SaveChangesAsync(ct);
            foreach (var (board, visits) in boards)
                foreach (var visit in visits) visit.WaterBoardId = board.Id;
            db.AddRange(boards.SelectMany(b => b.Visits));
            db.AuditEvents.Add(new AuditEvent
            {
                Subject = district.Slug.Subject.Value, Action = "water-boards.seeded", Target = "water-boards", By = SeedUser, Role = "system", At = now,
                After = $"{boards.Count} water boards from {Path.GetFileName(file)}",
            });
            await db.SaveChangesAsync(ct);
            seeded += boards.Count;
        }
        return seeded;
    }

    private static (WaterBoard, List<WaterBoardVisit>) Invent(Dice dice, District district, string locality, SurveyedWaterSystem system, int families,
        DateOnly today, DateTimeOffset now)
    {
        // Boards whose system has an O&M plan are the better-run ones: organised, trained, tariff reviewed, visited more often.
        var wellRun = system.HasOmPlan;
        var hasLoan = dice.Roll("loan") < 25;
        var installment = hasLoan ? 40m + 10 * (dice.Roll("installment") % 9) : 0m;
        var installmentsDue = hasLoan ? 12 + dice.Roll("loan-age") % 60 : 0;
        var arrearsRoll = dice.Roll("arrears");
        var overdue = !hasLoan ? 0 : arrearsRoll < 60 ? 0 : arrearsRoll < 80 ? 1 + arrearsRoll % 2 : 3 + arrearsRoll % 6;
        var hasFund = dice.Roll("fund") < (wellRun ? 70 : 35);
        var depositMonthsAgo = dice.Roll("deposit") < 75 ? dice.Roll("deposit") % 2 : 2 + dice.Roll("deposit") % 4;
        var monthlyQuota = 1.5m + 0.5m * (dice.Roll("quota") % 6);
        var collected = (70 + dice.Roll("collection") % 31) / 100m;
        var reviewRoll = dice.Roll("tariff-review");
        var reviewedMonthsAgo = wellRun ? reviewRoll % 14 : reviewRoll % 30;

        var board = new WaterBoard
        {
            DistrictId = district.Id,
            // "SAP Ichuhuasi sector Alto" → "Ichuhuasi sector Alto": messages and pages say "JASS" themselves.
            Name = system.Name.StartsWith("SAP ", StringComparison.Ordinal) ? system.Name[4..] : system.Name,
            Locality = locality,
            WaterSystem = system.Name,
            LegallyConstituted = wellRun || system.Scores.Management >= 2.5m || dice.Roll("constituted") < 25,
            AomTrained = system.Scores.OperationAndMaintenance >= 3m || (wellRun && dice.Roll("aom") < 80),
            HasOmPlan = system.HasOmPlan,
            Chlorinates = system.Chlorinates,
            LastTariffReviewOn = reviewRoll < 15 && !wellRun ? null : today.AddMonths(-reviewedMonthsAgo).AddDays(-(reviewRoll % 20)),
            LoanInstallmentAmount = installment,
            LoanInstallmentsDue = installmentsDue,
            LoanInstallmentsPaid = installmentsDue - overdue,
            HasReplacementFund = hasFund,
            LastReplacementDepositMonth = hasFund ? new DateOnly(today.Year, today.Month, 1).AddMonths(-depositMonthsAgo) : null,
            AnnualTariffRevenue = Math.Round(families * monthlyQuota * 12 * collected),
            AnnualOmCost = 150m + 6m * families + (system.Chlorinates ? 180m : 0m),
            AnnualDebtService = installment * 12,
            AnnualReplacementProvision = hasFund ? 3m * families : 0m,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        var visits = new List<WaterBoardVisit>();
        var visitRoll = wellRun ? dice.Roll("visit") / 2 + 15 : dice.Roll("visit");
        if (visitRoll >= 15)
        {
            var daysAgo = visitRoll < 50 ? 5 + visitRoll % 80 : visitRoll < 75 ? 95 + visitRoll % 80 : 185 + visitRoll * 5;
            for (var n = 0; n < 1 + dice.Roll("visits") % 3; n++)
            {
                visits.Add(new WaterBoardVisit
                {
                    DistrictId = district.Id, VisitedOn = today.AddDays(-daysAgo), VisitedBy = "Técnico del área técnica municipal",
                    Findings = Findings[dice.Roll($"finding-{n}") % Findings.Length], RecordedBy = $"atm.{district.Slug}", RecordedRole = "atm",
                    RecordedAt = now,
                });
                daysAgo += 120 + dice.Roll($"gap-{n}");
            }
        }
        return (board, visits);
    }

    /// <summary>Stable numbers 0..99 per board and question (FNV-1a), the same on every machine and run.</summary>
    private sealed class Dice(string board)
    {
        public int Roll(string question)
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes($"{board}/{question}")) hash = (hash ^ b) * 16777619u;
            return (int)(hash % 100);
        }
    }
}
