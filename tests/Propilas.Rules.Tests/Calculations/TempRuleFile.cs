namespace Propilas.Rules.Tests.Calculations;

/// <summary>A throw-away JSON rule file for loader error tests.</summary>
internal sealed class TempRuleFile : IDisposable
{
    public TempRuleFile(string json)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"propilas-rule-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, json);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
