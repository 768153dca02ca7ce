using Propilas.Host.Alerts;
using Propilas.Host.Pages.Alerts;

namespace Propilas.Host.Tests.Alerts;

/// <summary>The process page's summary of alerts by rule, built from the alerts it has read.</summary>
public sealed class AlertSummaryTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static Alert Of(string rule, string severity, int daysAgo, AlertStatus status = AlertStatus.Open) => new()
    {
        RuleId = rule, Subject = $"s{Guid.NewGuid()}", Severity = severity, Notifies = "atm", MessageEs = "", MessageEn = "", Status = status,
        RaisedAt = Day.AddDays(-daysAgo),
    };

    [Fact]
    public void One_line_per_rule_with_count_worst_severity_and_oldest_most_severe_rules_first()
    {
        var summary = AlertSummary.From("utco",
        [
            Of("water-board.no-om-plan", "warning", 3),
            Of("water-board.visit-overdue", "warning", 10),
            Of("water-board.visit-overdue", "critical", 2),
            Of("water-board.visit-overdue", "warning", 400, AlertStatus.Acknowledged),
            Of("water-board.no-om-plan", "warning", 900, AlertStatus.Resolved),
            Of("obligation.overdue", "warning", 30),
        ]);

        Assert.Equal(
            [
                new AlertSummary.Line("water-board.visit-overdue", 3, "critical", Day.AddDays(-400)),
                new AlertSummary.Line("obligation.overdue", 1, "warning", Day.AddDays(-30)),
                new AlertSummary.Line("water-board.no-om-plan", 1, "warning", Day.AddDays(-3)),
            ],
            summary.Lines);
        Assert.Equal(5, summary.Total);
        Assert.Equal("utco", summary.Slug);
    }
}
