using Propilas.Host.Districts;
namespace Propilas.Host.StrategicPlan;

public static class PlanEndpoints
{
    public static void MapPlan(this IEndpointRouteBuilder app)
    {
        var group = app.MapDistrictGroup("/plan", "strategic plan").WithTags("Strategic plan");
        group.MapGet("/goals", async (string slug, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.GoalsAsync(http.User, slug, ct)).ToOk())
            .WithSummary("The strategic goals, by key issue, with their numeric targets.");
        group.MapPost("/goals", async (string slug, GoalRequest request, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.SaveGoalAsync(http.User, slug, null, request, ct)).ToCreated(v => $"/api/districts/{slug}/plan/goals/{v.Id}"))
            .WithSummary("Adds a strategic goal (alderman or coordinator).");
        group.MapPut("/goals/{id:int}", async (string slug, int id, GoalRequest request, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.SaveGoalAsync(http.User, slug, id, request, ct)).ToOk())
            .WithSummary("Changes a strategic goal, e.g. to give it its numeric target.");
        group.MapDelete("/goals/{id:int}", async (string slug, int id, int? expectedVersion, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.RemoveGoalAsync(http.User, slug, id, expectedVersion, ct)).ToOk())
            .WithSummary("Removes a strategic goal that has no activities.");
        group.MapGet("/activities", async (string slug, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.ActivitiesAsync(http.User, slug, ct)).ToOk())
            .WithSummary("The annual operating plan: activities per goal and year, with who is responsible.");
        group.MapPost("/activities", async (string slug, ActivityRequest request, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.SaveActivityAsync(http.User, slug, null, request, ct)).ToCreated(v => $"/api/districts/{slug}/plan/activities/{v.Id}"))
            .WithSummary("Adds an operating-plan activity (alderman or coordinator).");
        group.MapPut("/activities/{id:int}", async (string slug, int id, ActivityRequest request, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.SaveActivityAsync(http.User, slug, id, request, ct)).ToOk())
            .WithSummary("Changes an activity, e.g. to name who is responsible.");
        group.MapDelete("/activities/{id:int}", async (string slug, int id, int? expectedVersion, HttpContext http, PlanBook book, CancellationToken ct) =>
                (await book.RemoveActivityAsync(http.User, slug, id, expectedVersion, ct)).ToOk())
            .WithSummary("Removes an activity.");
    }
}
