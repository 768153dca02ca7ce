using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Database;
using Propilas.Host.Process;
using Propilas.Host.Rules;
using Propilas.Host.Seed;

namespace Propilas.Host;

/// <summary>Before the host serves: migrate, publish definitions, seed what is missing. A bad definition stops start-up here.</summary>
public sealed class StartupTasks(
    PropilasDb db, DefinitionPublisher publisher, CatalogHolder catalog, ProcessSettings settings, IServiceProvider services,
    IConfiguration configuration, ILogger<StartupTasks> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        RequiredRuleSets.Check(services.GetRequiredService<Propilas.Rules.Engine.RuleBook>(), RulesSetup.FolderOf(configuration),
            services.GetServices<RuleSetRequirement>());
        await db.MigrateOrCheckAsync(services.GetRequiredService<DatabaseConfiguration>(), configuration.GetValue("Database:Migrate", true), ct);
        catalog.Catalog = await publisher.PublishAsync(settings.DefinitionsFolder, ct);
        RulesGateConditions.CheckDefinitions(catalog.Catalog.All, services.GetRequiredService<Propilas.Rules.Engine.IRuleEvaluator>(),
            RulesSetup.FolderOf(configuration));
        var unenforced = RulesGateConditions.Unenforced(catalog.Catalog.All, services.GetRequiredService<Propilas.Rules.Engine.IRuleEvaluator>(),
            services.GetServices<IGateFactsProvider>());
        if (unenforced.Count > 0)
            throw new InvalidOperationException("Conditions that no facts provider can check:\n  " + string.Join("\n  ", unenforced));
        if (!catalog.Catalog.Contains(settings.DefinitionId))
            throw new InvalidOperationException($"Process:DefinitionId '{settings.DefinitionId}' is not among the definitions in '{settings.DefinitionsFolder}'.");

        if (configuration.GetValue("Seed:Pilots", false))
        {
            var data = Path.Combine(AppContext.BaseDirectory, "Seed", "data");
            var added = await ActivatorUtilities.CreateInstance<DistrictSeeder>(services).SeedAsync(Path.Combine(data, "districts.csv"), ct);
            if (added.Count > 0)
            {
                await ActivatorUtilities.CreateInstance<Participation.ParticipationSeeder>(services).SeedAsync(data, added, ct);
                await ActivatorUtilities.CreateInstance<Planning.PlanningSeeder>(services).SeedAsync(data, added, ct);
                await ActivatorUtilities.CreateInstance<HistorySeeder>(services)
                    .SeedAsync(Path.Combine(data, "pilot-history.json"), added.Select(d => d.Slug).ToList(), ct);
                await ActivatorUtilities.CreateInstance<WaterBoards.WaterBoardSeeder>(services).SeedAsync(Path.Combine(data, "diagnosis"), added, ct);
                var changes = services.GetRequiredService<DistrictChanges>();
                foreach (var district in added) await changes.AfterChangeAsync(district.Id, ct);
                log.LogInformation("Seeded {Count} pilot districts.", added.Count);
            }
        }
        await ActivatorUtilities.CreateInstance<AccountSeeder>(services).SeedAsync(ct);
    }
}
