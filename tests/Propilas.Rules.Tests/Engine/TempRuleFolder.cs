namespace Propilas.Rules.Tests.Engine;

/// <summary>A throw-away rules folder for load tests.</summary>
public sealed class TempRuleFolder : IDisposable
{
    public TempRuleFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "propilas-rules-" + Guid.NewGuid().ToString("N"));

    public TempRuleFolder With(string file, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        return this;
    }

    /// <summary>A one-rule water-board set; pass parts to replace.</summary>
    public TempRuleFolder WithWaterBoardRule(
        string file = "boards.json",
        string setId = "boards",
        string ruleId = "water-board.test",
        string raisesWhen = "waterBoard.DaysSinceLastVisit >= days",
        string parameters = """{ "days": 90 }""",
        string severity = "warning",
        string notifies = """["atm"]""",
        string message = """{ "es": "{waterBoard.Name}: {days} días", "en": "{waterBoard.Name}: {days} days" }""",
        string extra = "") =>
        With(file, $$"""
            {
              "format": "propilas-rules/v1",
              "id": "{{setId}}",
              "fact": "waterBoard",
              "parameters": {{parameters}},
              "rules": [
                {
                  "id": "{{ruleId}}",
                  "severity": "{{severity}}",
                  "notifies": {{notifies}},
                  {{extra}}
                  "raisesWhen": {{System.Text.Json.JsonSerializer.Serialize(raisesWhen)}},
                  "message": {{message}}
                }
              ]
            }
            """);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
