namespace Propilas.Rules.Diagnosis;

/// <summary>Yes/no answers as people type them in English or Spanish.</summary>
public static class YesNo
{
    public const string Accepted = "yes/no, sí/no, si/no, true/false, 1/0";

    public static bool TryParse(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "yes" or "si" or "sí" or "true" or "1":
                value = true;
                return true;
            case "no" or "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
