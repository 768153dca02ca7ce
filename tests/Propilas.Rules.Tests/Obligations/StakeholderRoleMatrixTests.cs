using Propilas.Rules.Facts;
using Propilas.Rules.Obligations;
using Propilas.Rules.Tests.Engine;
using Propilas.Rules.Tests.RuleSets;

namespace Propilas.Rules.Tests.Obligations;

public sealed class StakeholderRoleMatrixTests
{
    private static StakeholderRoleMatrix Shipped => StakeholderRoleMatrix.Load(ShippedRules.Folder);

    [Fact]
    public void Every_row_of_the_matrix_is_loaded_with_its_spanish_text()
    {
        var rows = Shipped.Rows;

        Assert.Equal(45, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Text.Es));
            Assert.NotEqual(row.Text.En, row.Text.Es);
        });
    }

    [Fact]
    public void Keys_are_unique_and_count_rows_per_step_and_stakeholder()
    {
        var rows = Shipped.Rows;

        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
        var row = rows.Single(r => r.Key == "planning.municipality.7");
        Assert.Equal("Take part in local consensus-building events and in participatory budgeting", row.Text.En);
        Assert.Equal("Participar en los espacios de concertación local y en el presupuesto participativo", row.Text.Es);
        Assert.Equal((ObligationPhase.Planning, Stakeholder.Municipality), (row.Phase, row.Stakeholder));
        Assert.Equal("Monitor the prevalence of acute diarrhoeal disease", rows.Single(r => r.Key == "follow_up_and_monitoring.ministry_of_health.1").Text.En);
    }

    [Fact]
    public void A_matrix_row_without_spanish_text_fails_to_load()
    {
        using var folder = CopyOfShippedMatrix();
        File.AppendAllText(Path.Combine(folder.Path, StakeholderRoleMatrix.FileName), "post_execution,management_of_services,community,Keep the records\n");

        var exception = Assert.Throws<InvalidDataException>(() => StakeholderRoleMatrix.Load(folder.Path));

        Assert.Contains("stakeholder-role-matrix.csv line 47: no Spanish text", exception.Message);
    }

    [Fact]
    public void A_spanish_row_matching_no_matrix_row_fails_to_load()
    {
        using var folder = CopyOfShippedMatrix();
        var matrix = Path.Combine(folder.Path, StakeholderRoleMatrix.FileName);
        File.WriteAllText(matrix, File.ReadAllText(matrix).Replace("Pay its quotas punctually", "Pay its quotas"));

        var exception = Assert.Throws<InvalidDataException>(() => StakeholderRoleMatrix.Load(folder.Path));

        Assert.Contains("Pay its quotas", exception.Message);
    }

    [Fact]
    public void An_unknown_stakeholder_fails_to_load()
    {
        using var folder = CopyOfShippedMatrix();
        var matrix = Path.Combine(folder.Path, StakeholderRoleMatrix.FileName);
        File.WriteAllText(matrix, File.ReadAllText(matrix).Replace("planning,diagnosis,community,", "planning,diagnosis,ngo,"));

        var exception = Assert.Throws<InvalidDataException>(() => StakeholderRoleMatrix.Load(folder.Path));

        Assert.Contains("unknown stakeholder 'ngo'", exception.Message);
    }

    private static TempRuleFolder CopyOfShippedMatrix()
    {
        var folder = new TempRuleFolder();
        foreach (var file in new[] { StakeholderRoleMatrix.FileName, StakeholderRoleMatrix.SpanishFileName })
            File.Copy(Path.Combine(ShippedRules.Folder, file), Path.Combine(folder.Path, file));
        return folder;
    }
}
