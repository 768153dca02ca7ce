namespace Propilas.Rules.Diagnosis;

/// <summary>Categories of the diagnoses, worst first. The rule file names them in kebab case.</summary>
public enum SustainabilityCategory
{
    Collapsed,
    SevereDeterioration,
    Deteriorating,
    Sustainable,
}

public static class SustainabilityCategoryIds
{
    public static readonly IReadOnlyDictionary<string, SustainabilityCategory> ById =
        new Dictionary<string, SustainabilityCategory>
        {
            ["collapsed"] = SustainabilityCategory.Collapsed,
            ["severe-deterioration"] = SustainabilityCategory.SevereDeterioration,
            ["deteriorating"] = SustainabilityCategory.Deteriorating,
            ["sustainable"] = SustainabilityCategory.Sustainable,
        };
}
