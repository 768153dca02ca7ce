using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Commitments;
using Propilas.Host.Committee;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Invitations;
using Propilas.Host.StrategicPlan;
using Propilas.Rules.Csv;
using Propilas.Rules.Facts;

namespace Propilas.Host.Participation;

/// <summary>
/// Demo data for the pilots, written before their history is played so that the seeded gates find what they need:
/// invitations of every sector (as many as the history says were sent), the support committee, goals with targets,
/// activities with owners, commitments (the municipality's at least 10 % of the investment budget for five years) and the
/// investment budget from <c>Seed/data/investment-inputs.csv</c>. Free texts say "demo"; names and numbers of organisations are invented.
/// </summary>
public sealed class ParticipationSeeder(PropilasDb db)
{
    private const string Demo = " (demo)";
    private static readonly string[] Approved = ["utco", "lajas", "tacabamba"];
    private static readonly string[] People =
        ["Rosa Huamán", "Juan Chávez", "María Quispe", "Pedro Vásquez", "Carmen Rojas", "Luis Díaz", "Elena Cruz", "José Mendoza", "Ana Silva",
         "Segundo Tantaleán", "Julia Sánchez", "Manuel Cabrera"];

    public async Task SeedAsync(string dataFolder, IReadOnlyList<District> districts, CancellationToken ct)
    {
        var inputs = CsvTable.Read(Path.Combine(dataFolder, "investment-inputs.csv")).ToDictionary(r => DistrictSlug.FromName(r["district"]));
        var history = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dataFolder, "pilot-history.json"), ct))!["districts"]!.AsArray()
            .Select(n => n!.AsObject()).ToDictionary(n => (string)n["slug"]!);
        foreach (var (district, index) in districts.Select((d, i) => (d, i)))
        {
            if (!inputs.TryGetValue(district.Slug, out var input) || !history.TryGetValue(district.Slug.Value, out var plan)) continue;
            var start = DateOnly.ParseExact((string)plan["start"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var values = plan["values"]!.AsObject();
            var approved = Approved.Contains(district.Slug.Value);
            var budget = Budget(district, input);
            db.Add(budget);
            db.AddRange(Invitations(district, start, (int)values["invitations"]!));
            db.AddRange(Members(district, index));
            SeedPlan(district);
            db.AddRange(Commitments(district, start, budget, (decimal)values["totalInvestment"]!, approved));
        }
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (goal, activity) in _activities)
        {
            activity.GoalId = goal.Id;
            db.Add(activity);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static InvestmentBudget Budget(District d, CsvRow row) => new()
    {
        DistrictId = d.Id, BaseYear = 2005, FirstPlanYear = 2006, Version = 1,
        TotalBudget = Dec(row["total_budget_2005_soles"]), AnnualInvestmentBudget = Dec(row["investment_budget_2005_soles"]),
        Population = (int)Dec(row["population"]), CoveragePct = Dec(row["water_coverage_pct"]),
        RehabilitationPopulation = (int)Dec(row["rehabilitation_population"]),
    };

    /// <summary>Who the pilots invited: authorities, health and schools first to the methodology workshop, then everyone to the planning workshops.</summary>
    private static IEnumerable<Invitation> Invitations(District d, DateOnly start, int count)
    {
        (Sector, CommunityOrganisationKind?, string Organisation, string Contact)[] core =
        [
            (Sector.Health, null, $"Puesto de Salud de {d.Name}", "Jefe(a) del puesto de salud"),
            (Sector.Education, null, $"Institución Educativa Primaria de {d.Name}", "Director(a)"),
            (Sector.LocalAuthority, null, $"Gobernación del distrito de {d.Name}", "Gobernador(a)"),
            (Sector.Health, null, $"Microrred de Salud de {d.Province}", "Responsable de salud ambiental"),
            (Sector.Education, null, $"UGEL {d.Province}", "Especialista de educación primaria"),
            (Sector.LocalAuthority, null, $"Tenencias de gobernación de {d.Name}", "Tenientes gobernadores"),
            (Sector.LocalAuthority, null, $"Juzgado de Paz de {d.Name}", "Juez(a) de paz"),
            (Sector.CommunityOrganisation, CommunityOrganisationKind.VasoDeLeche, $"Comité del Vaso de Leche de {d.Name}", "Presidenta"),
            (Sector.CommunityOrganisation, CommunityOrganisationKind.PeasantPatrol, $"Rondas campesinas de {d.Name}", "Presidente de la central de rondas"),
            (Sector.CommunityOrganisation, CommunityOrganisationKind.DevelopmentCommittee, $"Comité de desarrollo de {d.Name}", "Presidente(a)"),
            (Sector.CommunityOrganisation, CommunityOrganisationKind.IrrigationCommittee, $"Comité de regantes de {d.Name}", "Presidente(a)"),
            (Sector.Ngo, null, "CARE Perú", "Equipo PROPILAS"),
            (Sector.LocalAuthority, null, $"Agencias municipales de {d.Name}", "Agentes municipales"),
        ];
        for (var i = 0; i < count; i++)
        {
            var (sector, kind, organisation, contact) = i < core.Length
                ? core[i]
                : (Sector.CommunityOrganisation, CommunityOrganisationKind.WaterBoard, $"JASS n.° {i - core.Length + 1} de {d.Name}",
                    "Presidente(a) del consejo directivo");
            var (workshop, invitedOn) = i < 3 ? (WorkshopEvent.MethodologyWorkshop, start.AddDays(-10))
                : i >= count - 3 ? (WorkshopEvent.PlanningWorkshop2, start.AddDays(270 + i % 5))
                : (WorkshopEvent.PlanningWorkshop1, start.AddDays(140 + i % 18));
            var declined = i % 9 == 4;
            yield return new Invitation
            {
                DistrictId = d.Id, Organisation = organisation, Sector = sector, CommunityOrganisationKind = kind, Contact = contact + Demo,
                Event = workshop, InvitedOn = invitedOn, InvitedBy = "Regidor(a) de servicios sociales",
                Answer = declined ? InvitationAnswer.Declined : InvitationAnswer.Accepted, AnsweredOn = invitedOn.AddDays(2 + i % 6),
                Attended = declined ? null : i % 7 != 5, Version = 1,
            };
        }
    }

    private static IEnumerable<CommitteeMember> Members(District d, int index)
    {
        (Sector, CommunityOrganisationKind?, string Organisation, string Role)[] seats =
        [
            (Sector.LocalAuthority, null, $"Municipalidad Distrital de {d.Name}", "presidente(a)"),
            (Sector.Health, null, $"Puesto de Salud de {d.Name}", "secretario(a)"),
            (Sector.Education, null, $"Institución Educativa Primaria de {d.Name}", "vocal"),
            (Sector.CommunityOrganisation, CommunityOrganisationKind.WaterBoard, $"JASS n.° 1 de {d.Name}", "vocal"),
            (Sector.LocalAuthority, null, $"Gobernación del distrito de {d.Name}", "vocal"),
            (Sector.Ngo, null, "CARE Perú", "asesor(a) técnico(a)"),
        ];
        return seats.Select((s, i) => new CommitteeMember
        {
            DistrictId = d.Id, Name = People[(index * 2 + i) % People.Length] + Demo, Organisation = s.Organisation, Sector = s.Item1,
            CommunityOrganisationKind = s.Item2, Role = s.Role, Version = 1,
        });
    }

    /// <summary>The four key issues' goals, with targets worked out from the district's 2004 diagnosis, and two activities each.</summary>
    private void SeedPlan(District d)
    {
        var b = d.Baseline!;
        var coverageGoal = Math.Round(b.WaterCoveragePct + 0.25m * (100 - b.WaterCoveragePct), 1);
        (KeyIssue, string Text, decimal Target, string Unit, int Year, (string Text, string Owner, int Year)[] Activities)[] goals =
        [
            (KeyIssue.Infrastructure, "Ampliar el acceso de las familias rurales a agua segura", coverageGoal, "% de la población", 2010,
                [("Elaborar expedientes técnicos de nuevos sistemas de agua", "Municipalidad: oficina de desarrollo urbano y rural", 2006),
                 ("Gestionar cofinanciamiento ante el gobierno regional y FONCODES", "Alcaldía", 2006)]),
            (KeyIssue.Infrastructure, "Rehabilitar los sistemas de agua en deterioro", b.SystemsDeteriorating + b.SystemsSevereDeterioration, "sistemas", 2010,
                [("Priorizar los sistemas a rehabilitar según el diagnóstico", "Área técnica municipal de agua y saneamiento", 2006),
                 ("Rehabilitar los sistemas priorizados con faenas comunales", "JASS y municipalidad", 2007)]),
            (KeyIssue.Aom, "JASS capacitadas en administración, operación y mantenimiento", b.SystemsTotal, "JASS", 2010,
                [("Organizar y reconocer legalmente a las JASS", "Municipalidad: registro de organizaciones sociales", 2006),
                 ("Talleres de AOM para los consejos directivos de las JASS", "CARE Perú y área técnica municipal", 2006)]),
            (KeyIssue.HealthHygieneEducation, "Reducir la enfermedad diarreica aguda en menores de cinco años", Math.Round((b.AddPrevalenceUnder5Pct ?? 20) / 2m),
                "% de prevalencia", 2010,
                [("Sesiones de educación sanitaria con las familias", "Puesto de salud", 2006),
                 ("Lavado de manos y uso de letrinas en las escuelas", "Instituciones educativas", 2006)]),
            (KeyIssue.MunicipalCommunityManagement, "Seguimiento municipal anual de todas las JASS", 100, "% de JASS visitadas al año", 2008,
                [("Crear el área técnica municipal de agua y saneamiento", "Concejo municipal", 2006),
                 ("Visitas de seguimiento a las JASS", "Área técnica municipal de agua y saneamiento", 2007)]),
        ];
        foreach (var (issue, text, target, unit, year, activities) in goals)
        {
            var goal = new PlanGoal
            {
                DistrictId = d.Id, KeyIssue = issue, Text = text + Demo, TargetValue = target, TargetUnit = unit, TargetYear = year, Version = 1,
            };
            db.Add(goal);
            _activities.AddRange(activities.Select(a => (goal, new PlanActivity
            {
                DistrictId = d.Id, Text = a.Text + Demo, Owner = a.Owner, Year = a.Year, Version = 1,
            })));
        }
    }

    /// <summary>Activities wait for their goal's id, given when the goals are saved.</summary>
    private readonly List<(PlanGoal Goal, PlanActivity Activity)> _activities = [];

    private static IEnumerable<Commitment> Commitments(District d, DateOnly start, InvestmentBudget budget, decimal totalInvestment, bool approved)
    {
        var perYear = Math.Ceiling(budget.AnnualInvestmentBudget * 0.10m / 1000m) * 1000m;
        var end = new DateOnly(2010, 12, 31);
        yield return new Commitment
        {
            DistrictId = d.Id, Party = $"Municipalidad Distrital de {d.Name}", IsMunicipality = true,
            What = "Destinar cada año al agua y saneamiento al menos el 10 % del presupuesto de inversión municipal" + Demo,
            Amount = perYear, FirstYear = 2006, LastYear = 2010, DueOn = end, Version = 1,
            Status = approved ? CommitmentStatus.Fulfilled : CommitmentStatus.Pending,
            Evidence = approved ? "Ejecución presupuestal 2006-2010 del programa de agua y saneamiento" + Demo : null,
            FulfilledOn = approved ? new DateOnly(2011, 3, 31) : null,
        };
        yield return new Commitment
        {
            DistrictId = d.Id, Party = "JASS del distrito", What = "Cofinanciar el 20 % de la inversión con mano de obra y materiales locales" + Demo,
            Amount = Math.Round(totalInvestment * 0.20m), DueOn = end, Version = 1,
            Status = approved ? CommitmentStatus.Fulfilled : CommitmentStatus.Pending,
            Evidence = approved ? "Actas de faenas comunales" + Demo : null, FulfilledOn = approved ? new DateOnly(2011, 2, 28) : null,
        };
        yield return new Commitment
        {
            DistrictId = d.Id, Party = $"Puesto de Salud de {d.Name}", What = "Vigilar cada mes el cloro residual en los sistemas del distrito" + Demo,
            DueOn = start.AddDays(800), Status = CommitmentStatus.Fulfilled, Evidence = "Informes mensuales de vigilancia de la calidad del agua" + Demo,
            FulfilledOn = start.AddDays(790), Version = 1,
        };
        yield return new Commitment
        {
            DistrictId = d.Id, Party = "CARE Perú", What = "Asistencia técnica para capacitar a las JASS en AOM" + Demo, DueOn = start.AddDays(700),
            Status = CommitmentStatus.Fulfilled, Evidence = "Informe de talleres de capacitación" + Demo, FulfilledOn = start.AddDays(690), Version = 1,
        };
        yield return new Commitment
        {
            DistrictId = d.Id, Party = $"UGEL {d.Province}", What = "Incluir la educación sanitaria en la programación curricular de las escuelas" + Demo,
            DueOn = start.AddDays(600), Version = 1, Status = approved ? CommitmentStatus.Fulfilled : CommitmentStatus.Pending,
            Evidence = approved ? "Programaciones curriculares con sesiones de higiene" + Demo : null, FulfilledOn = approved ? start.AddDays(590) : null,
        };
    }

    private static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
