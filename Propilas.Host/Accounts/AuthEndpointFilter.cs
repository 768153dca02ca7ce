namespace Propilas.Host.Accounts;

/// <summary>
/// MapIdentityApi also maps self-registration and e-mail flows; accounts here are created by the coordinator,
/// so only sign-in, refresh and the signed-in user's own info stay open.
/// </summary>
public static class AuthEndpointFilter
{
    private static readonly string[] Open = ["/api/auth/login", "/api/auth/refresh", "/api/auth/manage/info"];

    /// <summary>An Identity API path that this host answers with 404 (and leaves out of the OpenAPI document).</summary>
    public static bool IsClosed(string path) =>
        path.StartsWith("/api/auth/", StringComparison.OrdinalIgnoreCase) && !Open.Contains(path, StringComparer.OrdinalIgnoreCase);

    public static ValueTask<object?> OnlySignIn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var path = context.HttpContext.Request.Path.Value ?? "";
        return IsClosed(path) ? ValueTask.FromResult<object?>(Results.NotFound()) : next(context);
    }
}
