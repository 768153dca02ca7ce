using System.Globalization;
using System.Text;

namespace Propilas.Host.Notifications;

/// <summary>What an alert says in a message: the rule's title and message, the district, since when, and the page to act on.</summary>
public sealed record AlertLine(string DistrictName, string DistrictSlug, string RuleId, string Title, string Message, string Severity,
    DateTimeOffset Since, string Link);

/// <summary>The words of messages, in the person's language (Spanish unless they chose English).</summary>
public static class MessageTexts
{
    private static readonly CultureInfo Es = CultureInfo.GetCultureInfo("es-PE");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish(string language) => language == "en";

    /// <summary>The page where the person acts on an alert of this rule.</summary>
    public static string LinkFor(string baseUrl, string districtSlug, string ruleId) => $"{baseUrl}/districts/{districtSlug}/" + (ruleId.Split('.')[0] switch
    {
        "obligation" => "obligations",
        "commitment" => "commitments",
        "invitation" => "invitations",
        "water-board" => "water-boards",
        _ => "alerts",
    });

    /// <summary>The topic a person may leave out of their digest: the rule's family (<c>water-board</c> of <c>water-board.visit-overdue</c>).</summary>
    public static string TopicOf(string ruleId) => ruleId.Split('.')[0];

    public static (string Title, string Body) Critical(AlertLine alert, string language, string? name)
    {
        var en = IsEnglish(language);
        var title = en ? $"Critical alert in {alert.DistrictName}: {alert.Title}" : $"Alerta crítica en {alert.DistrictName}: {alert.Title}";
        var body = new StringBuilder();
        body.AppendLine(Greeting(name, en)).AppendLine();
        Line(body, alert, en);
        body.AppendLine().AppendLine(Footer(en));
        return (title, body.ToString());
    }

    /// <summary>The alerts a digest lists for one district and severity, oldest first; the rest are counted, with the district's alerts page.</summary>
    public const int LinesPerGroup = 10;

    /// <summary>A day's alerts, by district and then by severity (critical first).</summary>
    public static (string Title, string Body) Digest(IReadOnlyList<AlertLine> alerts, string language, string? name, DateOnly day)
    {
        var en = IsEnglish(language);
        var culture = en ? En : Es;
        var date = day.ToString(en ? "d MMMM yyyy" : "d 'de' MMMM 'de' yyyy", culture);
        var title = en ? $"Propilas: {alerts.Count} alert(s) to act on, {date}" : $"Propilas: {alerts.Count} alerta(s) por atender, {date}";
        var body = new StringBuilder();
        body.AppendLine(Greeting(name, en)).AppendLine();
        body.AppendLine(en ? "These alerts were raised or escalated for you since your last summary:" : "Estas alertas se levantaron o escalaron para usted desde su último resumen:");
        foreach (var district in alerts.GroupBy(a => a.DistrictName).OrderBy(g => g.Key, StringComparer.Create(culture, false)))
        {
            body.AppendLine().AppendLine($"== {district.Key} ==");
            foreach (var severity in district.GroupBy(a => a.Severity).OrderBy(g => Rank(g.Key)))
            {
                body.AppendLine().AppendLine($"-- {SeverityName(severity.Key, en)} --");
                var oldestFirst = severity.OrderBy(a => a.Since).ToList();
                foreach (var alert in oldestFirst.Take(LinesPerGroup)) Line(body.AppendLine(), alert, en);
                if (oldestFirst.Count > LinesPerGroup)
                {
                    var more = oldestFirst.Count - LinesPerGroup;
                    var link = oldestFirst[0].Link; // .../districts/{slug}/{page}: the district's alerts page beside it
                    var page = link[..link.LastIndexOf('/')] + "/alerts";
                    body.AppendLine().AppendLine(en ? $"... and {more} more: {page}" : $"... y {more} más: {page}");
                }
            }
        }
        body.AppendLine().AppendLine(Footer(en));
        return (title, body.ToString());
    }

    private static void Line(StringBuilder body, AlertLine alert, bool en)
    {
        var culture = en ? En : Es;
        var since = TimeZoneInfo.ConvertTime(alert.Since, NotificationSettings.Lima).ToString(en ? "d MMMM yyyy" : "d 'de' MMMM 'de' yyyy", culture);
        body.AppendLine($"{alert.Title} ({alert.DistrictName})");
        body.AppendLine(alert.Message);
        body.AppendLine(en ? $"Alert since {since}." : $"Alerta desde el {since}.");
        body.AppendLine(en ? $"Act on it here: {alert.Link}" : $"Atiéndala aquí: {alert.Link}");
    }

    private static string Greeting(string? name, bool en) => en ? $"Dear {name ?? "colleague"}," : $"Estimado/a {name ?? "colega"}:";

    private static string Footer(bool en) => en
        ? "Propilas: participatory planning of water and sanitation. You can choose which summaries you receive on your profile page."
        : "Propilas: planificación participativa de agua y saneamiento. Puede elegir qué resúmenes recibe en la página de su perfil.";

    private static int Rank(string severity) => severity switch { "critical" => 0, "warning" => 1, _ => 2 };

    private static string SeverityName(string severity, bool en) => severity switch
    {
        "critical" => en ? "Critical" : "Críticas",
        "warning" => en ? "Warnings" : "Advertencias",
        _ => en ? "For information" : "Para información",
    };
}
