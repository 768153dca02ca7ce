namespace Propilas.Host.Committee;

public sealed record NewCommitteeMember(string? Name, string? Organisation, string? Sector, string? CommunityOrganisationKind, string? Role);

public sealed record CommitteeMemberView(int Id, string Name, string Organisation, string Sector, string? CommunityOrganisationKind, string Role, int Version)
{
    public static CommitteeMemberView Of(CommitteeMember m) => new(m.Id, m.Name, m.Organisation, Common.Words.Of(m.Sector),
        Common.Words.Maybe(m.CommunityOrganisationKind), m.Role, m.Version);
}
