namespace Propilas.Host.Accounts;

/// <summary>
/// MapIdentityApi also maps self-registration and e-mail flows; accounts here are created by the coordinator,
/// so only sign-in, refresh and the signed-in user's own info stay open.
/// </summary>
public static class AuthEndpointFilter
{
    private static readonly string[] Open = ["/api/auth/login", "/api/auth/refresh", "/api/auth/manage/info"];

    public static ValueTask<object?> OnlySignIn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var path = context.HttpContext.Request.Path.Value ?? "";
        return Open.Contains(path, StringComparer.OrdinalIgnoreCase)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.NotFound());
    }
}
