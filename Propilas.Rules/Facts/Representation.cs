namespace Propilas.Rules.Facts;

/// <summary>Which sectors and kinds of community organisation a group of participants covers.</summary>
public sealed record Representation(IReadOnlySet<Sector> Sectors, IReadOnlySet<CommunityOrganisationKind> CommunityOrganisations)
{
    public static Representation Empty { get; } = new(new HashSet<Sector>(), new HashSet<CommunityOrganisationKind>());

    /// <summary>What some participants cover, each with its sector and, for a community organisation, its kind.</summary>
    public static Representation Of(IEnumerable<(Sector Sector, CommunityOrganisationKind? Kind)> participants)
    {
        var list = participants.ToList();
        return new Representation(list.Select(p => p.Sector).ToHashSet(), list.Where(p => p.Kind is not null).Select(p => p.Kind!.Value).ToHashSet());
    }

    public bool Has(Sector sector) => Sectors.Contains(sector);

    public bool Has(CommunityOrganisationKind kind) => CommunityOrganisations.Contains(kind);

    /// <summary>The required sectors and organisation kinds that are not covered, in the order asked.</summary>
    public IReadOnlyList<Enum> Missing(Sector[] sectors, CommunityOrganisationKind[] organisations)
    {
        var missing = new List<Enum>();
        foreach (var sector in sectors)
            if (!Sectors.Contains(sector)) missing.Add(sector);
        foreach (var kind in organisations)
            if (!CommunityOrganisations.Contains(kind)) missing.Add(kind);
        return missing;
    }
}
