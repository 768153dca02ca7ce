using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;

namespace Propilas.Host.Districts;

/// <summary>
/// The API's routes of one district, <c>/api/districts/{slug}/…</c>: one filter finds the district of the slug, answers
/// 404 for an unknown one and 403 for another district's people, and hands the district to the handler
/// (<see cref="District(HttpContext)"/>).
/// </summary>
public static class DistrictRoutes
{
    private static readonly object Key = new();

    /// <param name="path">The feature's routes below the district, e.g. <c>/water-boards</c>.</param>
    /// <param name="what">What the routes show, for the 403 message, e.g. "water boards".</param>
    public static RouteGroupBuilder MapDistrictGroup(this IEndpointRouteBuilder app, string path, string what)
    {
        var group = app.MapGroup("/api/districts/{slug}" + path).RequireAuthorization();
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var slug = http.GetRouteValue("slug") as string ?? "";
            var db = http.RequestServices.GetRequiredService<PropilasDb>();
            if (await db.FindDistrictAsync(slug, http.RequestAborted) is not { } district) return Problems.NotFound($"No district '{slug}'.");
            if (!http.User.CanAccess(district.Slug))
                return Problems.Forbidden($"You may not {(HttpMethods.IsGet(http.Request.Method) ? "see" : "act on")} the {what} of district '{slug}'.");
            http.Items[Key] = district;
            return await next(context);
        });
        group.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>The district of the route, as the filter found it.</summary>
    public static DistrictRef District(this HttpContext http) =>
        http.Items[Key] as DistrictRef ?? throw new InvalidOperationException("Not a district route: map it with MapDistrictGroup.");
}
