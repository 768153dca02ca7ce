using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Alerts;
using Propilas.Host.Commitments;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Invitations;
using Propilas.Host.Obligations;
using Propilas.Host.Process;
using Propilas.Host.WaterBoards;
using Propilas.Rules.Facts;
using Propilas.Workflows.Runtime;

namespace Propilas.RulesBench;

/// <summary>A deterministic national-scale portfolio, written straight to the database (setup, not timed).</summary>
public static class Portfolio
{
    public static async Task<List<int>> GenerateAsync(IServiceProvider services, int districtCount, int boardCount)
    {
        var random = new Random(2026);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogHolder>().Catalog;
        var definition = catalog.Latest(scope.ServiceProvider.GetRequiredService<ProcessSettings>().DefinitionId);

        var districts = Enumerable.Range(1, districtCount).Select(i => new District
        {
            Slug = DistrictSlug.From($"distrito-{i:D4}"), Name = $"Distrito {i:D4}", Province = $"Provincia {i % 196:D3}",
            Department = $"Departamento {i % 24:D2}", CreatedAt = now,
        }).ToList();
        db.AddRange(districts);
        await db.SaveChangesAsync();

        var actor = Actor.Of("bench", "coordinator", "mayor", "alderman");
        var instances = new List<WorkflowInstance>();
        foreach (var d in districts)
        {
            var (instance, _) = WorkflowEngine.Start(definition, d.Slug.Subject, actor, now.AddDays(-random.Next(30, 900)));
            // A third of the districts have finished planning (their obligations then include execution and follow-up).
            if (d.Id % 3 == 0) instance = Finish(definition, instance, actor, now);
            db.Add(InstanceMapping.ToRecord(instance));
            instances.Add(instance);
        }
        await db.SaveChangesAsync();

        for (var b = 0; b < boardCount; b++)
        {
            var district = districts[b % districts.Count];
            var hasLoan = random.NextDouble() < 0.3;
            var due = hasLoan ? random.Next(12, 120) : 0;
            var board = new WaterBoard
            {
                DistrictId = district.Id, Name = $"JASS {b:D5}", Locality = $"Localidad {b:D5}", WaterSystem = $"Sistema {b:D5}",
                LegallyConstituted = random.NextDouble() < 0.8, AomTrained = random.NextDouble() < 0.6, HasOmPlan = random.NextDouble() < 0.4,
                Chlorinates = random.NextDouble() < 0.35, LastTariffReviewOn = today.AddDays(-random.Next(0, 900)),
                LoanInstallmentAmount = hasLoan ? 1_200m : 0m, LoanInstallmentsDue = due,
                LoanInstallmentsPaid = hasLoan ? Math.Max(0, due - (random.NextDouble() < 0.2 ? random.Next(1, 8) : 0)) : 0,
                HasReplacementFund = random.NextDouble() < 0.5,
                LastReplacementDepositMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-random.Next(0, 4)),
                AnnualTariffRevenue = random.Next(2_000, 12_000), AnnualOmCost = random.Next(1_500, 9_000),
                AnnualDebtService = hasLoan ? 14_400m : 0m, AnnualReplacementProvision = random.Next(0, 1_500),
                CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            db.Add(board);
            if (b % 2000 == 1999) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();

        var boards = await db.Set<WaterBoard>().AsNoTracking().Select(w => new { w.Id, w.DistrictId }).ToListAsync();
        foreach (var board in boards)
            for (var v = random.Next(0, 4); v > 0; v--)
                db.Add(Visit(board.Id, board.DistrictId, today.AddDays(-random.Next(0, 400)), now));
        await db.SaveChangesAsync();

        Sector[] sectors = [Sector.Health, Sector.Education, Sector.LocalAuthority, Sector.CommunityOrganisation, Sector.Ngo];
        foreach (var d in districts)
        {
            for (var i = 0; i < 15; i++)
            {
                var answered = random.NextDouble() < 0.8;
                db.Add(new Invitation
                {
                    DistrictId = d.Id, Organisation = $"Organización {i}", Sector = sectors[i % sectors.Length],
                    CommunityOrganisationKind = sectors[i % sectors.Length] == Sector.CommunityOrganisation ? CommunityOrganisationKind.WaterBoard : null,
                    Event = WorkshopEvent.MethodologyWorkshop, InvitedOn = today.AddDays(-random.Next(0, 60)), InvitedBy = "bench",
                    Answer = answered ? InvitationAnswer.Accepted : InvitationAnswer.Pending, AnsweredOn = answered ? today : null, Version = 1,
                });
            }
            for (var i = 0; i < 10; i++)
                db.Add(new Commitment
                {
                    DistrictId = d.Id, Party = i == 0 ? "Municipalidad" : $"Parte {i}", IsMunicipality = i == 0, What = $"Compromiso {i}",
                    Amount = i == 0 ? 30_000m : null, FirstYear = i == 0 ? 2026 : null, LastYear = i == 0 ? 2030 : null,
                    DueOn = today.AddDays(random.Next(-90, 120)), Status = random.NextDouble() < 0.5 ? CommitmentStatus.Fulfilled : CommitmentStatus.Pending,
                    Version = 1,
                });
        }
        await db.SaveChangesAsync();

        // Obligations come from the process phase, as every write of the process plans them (ObligationSync).
        var obligations = scope.ServiceProvider.GetServices<IWorkflowWriteListener>().OfType<ObligationSync>().Single();
        foreach (var (d, instance) in districts.Zip(instances))
            if (await obligations.PlanAsync(d.Id, instance, CancellationToken.None) is not null)
                throw new InvalidOperationException("A new district has no obligations to move.");
        await db.SaveChangesAsync();
        return districts.Select(d => d.Id).ToList();
    }

    public static async Task VisitSomeBoardsAsync(IServiceProvider services, double share, int seed)
    {
        var random = new Random(seed);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        var boards = await db.Set<WaterBoard>().AsNoTracking().Select(w => new { w.Id, w.DistrictId }).ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var board in boards.Where(_ => random.NextDouble() < share))
            db.Add(Visit(board.Id, board.DistrictId, today, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task VisitOneBoardAsync(IServiceProvider services, int districtId, Random random)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        var boards = await db.Set<WaterBoard>().AsNoTracking().Where(w => w.DistrictId == districtId).Select(w => w.Id).ToListAsync();
        if (boards.Count == 0) return;
        db.Add(Visit(boards[random.Next(boards.Count)], districtId, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private static WaterBoardVisit Visit(int boardId, int districtId, DateOnly on, DateTimeOffset now) => new()
    {
        WaterBoardId = boardId, DistrictId = districtId, VisitedOn = on, VisitedBy = "ATM", Findings = "Visita de seguimiento",
        RecordedBy = "bench", RecordedRole = "atm", RecordedAt = now,
    };

    private static WorkflowInstance Finish(Propilas.Workflows.Definitions.WorkflowDefinition definition, WorkflowInstance instance, Actor actor, DateTimeOffset now)
    {
        foreach (var stage in definition.Stages)
        {
            foreach (var step in stage.Steps)
            {
                var evidence = System.Text.Json.JsonSerializer.SerializeToElement(Evidence.For(step));
                instance = Succeeded(WorkflowEngine.CompleteStep(definition, instance, step.Id, actor, evidence, now), step.Id.Value);
            }
            instance = Succeeded(WorkflowEngine.ApproveGate(definition, instance, stage.Id, actor, [], now), $"gate {stage.Id}");
        }
        return instance;
    }

    /// <summary>A finished district must really be finished: a refused transition stops the bench instead of leaving it half done.</summary>
    private static WorkflowInstance Succeeded(Transition result, string what) =>
        result.Instance ?? throw new InvalidOperationException($"The bench could not finish {what}: {result.Error?.Message}");
}
