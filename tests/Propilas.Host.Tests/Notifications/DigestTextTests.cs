using Propilas.Host.Notifications;

namespace Propilas.Host.Tests.Notifications;

public class DigestTextTests
{
    private static AlertLine Warning(int day) => new("Sucre", "sucre", "water-board.visit-overdue", $"Visita pendiente {day:D2}",
        "La JASS no fue visitada.", "warning", new DateTimeOffset(2026, 11, day, 15, 0, 0, TimeSpan.Zero), "https://propilas.example/districts/sucre/water-boards");

    [Fact]
    public void A_long_digest_lists_the_oldest_of_each_group_and_counts_the_rest_with_the_districts_alerts_page()
    {
        var lines = Enumerable.Range(1, MessageTexts.LinesPerGroup + 3).Select(Warning).Reverse().ToList();

        var (title, body) = MessageTexts.Digest(lines, "es", "Rosa Chávez", new DateOnly(2026, 12, 2));

        Assert.Contains($"{MessageTexts.LinesPerGroup + 3} alerta(s)", title);
        Assert.Contains("Visita pendiente 01", body);
        Assert.Contains($"Visita pendiente {MessageTexts.LinesPerGroup:D2}", body);
        Assert.DoesNotContain($"Visita pendiente {MessageTexts.LinesPerGroup + 1:D2}", body);
        Assert.Contains("... y 3 más: https://propilas.example/districts/sucre/alerts", body);
    }

    [Fact]
    public void A_short_digest_lists_every_alert_and_counts_none()
    {
        var (_, body) = MessageTexts.Digest([Warning(1), Warning(2)], "en", null, new DateOnly(2026, 12, 2));

        Assert.Contains("Visita pendiente 02", body);
        Assert.DoesNotContain("more:", body);
    }
}
