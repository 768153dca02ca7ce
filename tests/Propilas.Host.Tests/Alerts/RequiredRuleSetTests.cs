using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Host.Tests.Alerts;

/// <summary>
/// A rule file the host relies on is missing: it must not start (once it did, reported Healthy, and its first alert pass
/// resolved every live alert of those rules, the critical water-board ones included).
/// </summary>
public sealed class RequiredRuleSetTests : IDisposable
{
    private readonly string _rules = Directory.CreateTempSubdirectory("propilas-rules-").FullName;

    public RequiredRuleSetTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows", "rules")))
            File.Copy(file, Path.Combine(_rules, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_rules, recursive: true);

    [Theory]
    [InlineData("water-boards.json", "WaterBoardAlertSource")]
    [InlineData("commitments.json", "CommitmentAlerts")]
    [InlineData("invitations.json", "InvitationAlerts")]
    [InlineData("obligations.json", "ObligationAlertSource")]
    public async Task Without_a_rule_file_an_alert_source_runs_the_host_refuses_to_start_naming_the_file_and_the_folder(string file, string source)
    {
        File.Delete(Path.Combine(_rules, file));
        await using var host = new PropilasFactory(new HostSettings { RulesFolder = _rules, SeedPilots = false });

        var message = Messages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains(file, message);
        Assert.Contains(_rules, message);
        Assert.Contains(source, message);
        Assert.False(File.Exists(host.DatabaseFile), "start-up stopped before it touched the database");
    }

    [Fact]
    public async Task Without_the_rules_a_definition_names_as_gate_conditions_the_host_refuses_to_start_naming_them()
    {
        File.Delete(Path.Combine(_rules, "district-gates.json"));
        await using var host = new PropilasFactory(new HostSettings { RulesFolder = _rules, SeedPilots = false });

        var message = Messages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("condition 'invitation.sector-missing' is not a rule in " + _rules, message);
    }

    [Fact]
    public async Task With_every_rule_file_in_a_folder_of_its_own_the_host_starts()
    {
        await using var host = new PropilasFactory(new HostSettings { RulesFolder = _rules, SeedPilots = false });

        await host.LoginAsync("coordinator");
    }

    [Fact]
    public async Task The_calculators_read_their_parameters_from_the_configured_rules_folder_too()
    {
        var finance = Path.Combine(_rules, "water-board-finance.json");
        File.WriteAllText(finance, File.ReadAllText(finance).Replace("\"contingencyRate\": 0.10", "\"contingencyRate\": 0.25"));
        await using var host = new PropilasFactory(new HostSettings { RulesFolder = _rules, SeedPilots = false });
        host.CreateClient();

        Assert.Equal(0.25m, host.Services.GetRequiredService<Propilas.Host.Calculations.CalculationDefaults>().WaterBoardFinance.ContingencyRate);
    }

    private static string Messages(Exception e)
    {
        var all = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) all.Add($"{x.GetType().Name}: {x.Message}");
        if (e is AggregateException a) all.AddRange(a.Flatten().InnerExceptions.Select(x => x.Message));
        return string.Join(Environment.NewLine, all);
    }
}
