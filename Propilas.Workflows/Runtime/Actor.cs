namespace Propilas.Workflows.Runtime;

/// <summary>The person acting and the roles they hold. Which subjects they may touch is the host's concern.</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles)
{
    public static Actor Of(string userName, params string[] roles) => new(userName, roles.ToHashSet());

    public bool Holds(string role) => Roles.Contains(role);
}
