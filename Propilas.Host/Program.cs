using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Propilas.Host;
using Propilas.Host.Accounts;
using Propilas.Host.Alerts;
using Propilas.Host.Calculations;
using Propilas.Host.Common;
using Propilas.Host.Pages;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Participation;
using Propilas.Host.Planning;
using Propilas.Host.Process;
using Propilas.Host.Obligations;
using Propilas.Host.Notifications;
using Propilas.Host.Rules;
using Propilas.Host.Security;
using Propilas.Host.WaterBoards;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddSingleton(TimeProvider.System);
services.AddPropilasDatabase(builder.Configuration, builder.Environment);
var signInLimits = SignInLimits.From(builder.Configuration);
services.AddSingleton(signInLimits);
services.AddSingleton<SignInThrottle>();
services.AddIdentityApiEndpoints<AppUser>(o =>
    {
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        o.Password.RequiredLength = 8;
        // LockoutUserManager escalates from these (SignIn:* settings).
        o.Lockout.MaxFailedAccessAttempts = signInLimits.LockoutAfterFailures;
        o.Lockout.DefaultLockoutTimeSpan = signInLimits.LockoutFor(1);
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<PropilasDb>()
    .AddUserManager<LockoutUserManager>()
    .AddSignInManager<AlikeSignInManager>()
    .AddClaimsPrincipalFactory<DistrictClaimsFactory>();
services.AddSecurityStampChecks();
services.AddResponseHeaders(builder.Environment);
services.AddSigningKeys(builder.Configuration, builder.Environment);
services.AddProblemDetails();
// A request the API cannot read (malformed JSON, a wrong type, too large) throws, and answers its 4xx as problem details naming the field.
services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddExceptionHandler<BadRequestProblems>();
// No request needs more than a few kilobytes, except a survey upload (which raises its own limit).
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = Propilas.Workflows.Bounds.Body);
services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueLengthLimit = (int)Propilas.Workflows.Bounds.Body);
services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiSchemas.Transform).AddOperationTransformer(OpenApiSchemas.DeclarePathParameters));
// Rural connections are slow: compress what is sent (a process view shrinks to about a fifth).
services.AddResponseCompression(o => o.EnableForHttps = true);
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
services.AddHttpContextAccessor();
services.AddLocalization(o => o.ResourcesPath = "Resources");
services.AddRazorPages(o =>
    {
        o.Conventions.AuthorizeFolder("/");
        o.Conventions.AllowAnonymousToPage("/SignIn");
        o.Conventions.AllowAnonymousToPage("/Status");
        o.Conventions.AuthorizeFolder("/Portfolio", "coordinator");
    })
    .AddViewLocalization();
// Identity's combined scheme reads a bearer token or the cookie; its challenge goes to the cookie (a redirect to
// the sign-in page) for pages, and to bearer (401) for the API and for a request that sends a bearer token (e.g. the
// OpenAPI document in Production). AddIdentityApiEndpoints registers that scheme with plain AuthenticationSchemeOptions
// (ForwardDefault = bearer), so the selector is set on those options.
services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions>("Identity.BearerAndApplication", o => // IdentityConstants.BearerAndApplicationScheme is internal
    o.ForwardDefaultSelector = c => c.Request.Path.StartsWithSegments("/api")
        || c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
services.AddAuthorizationBuilder().AddPolicy("coordinator", p => p.RequireRole(Roles.Coordinator));
// Pages sign in with the Identity cookie; the API takes bearer tokens (the default scheme tries both).
services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/signin";
    o.AccessDeniedPath = "/status/403";
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromDays(14);
    // API callers get status codes, never a redirect to the sign-in page. A page someone may not see answers 403 where
    // it is (the status-code pages render it), rather than redirecting to a page that would answer 200.
    o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c =>
    {
        c.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
    static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api")) c.Response.StatusCode = status;
        else c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
});
services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});

services.AddScoped<PersonNames>();
services.AddScoped<StartupTasks>();
services.AddRules(builder.Configuration);
services.AddProcess(builder.Configuration);
services.AddDistricts();
services.AddCalculations(builder.Configuration);
services.AddAlerts(builder.Configuration);
services.AddParticipation();
services.AddPlanning(builder.Configuration);
services.AddWaterBoards();
services.AddObligations(builder.Configuration);
services.AddNotifications(builder.Configuration, builder.Environment);
services.AddScoped<Propilas.Host.Pages.Work.WorkList>();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(CancellationToken.None);

if (CreateCoordinatorCommand.IsAskedFor(args))
{
    Environment.ExitCode = await CreateCoordinatorCommand.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
    return;
}

app.UseResponseHeaders();
if (app.Environment.IsProduction())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseResponseCompression();
app.UseRequestLocalization(CultureSetup.Options());
app.UseStaticFiles();
app.UseExceptionHandler();
// Pages answer errors with a readable page (keeping the status code); the API with ProblemDetails.
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/hangfire"),
    pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseRouting(); // after the status-code pages, so a re-executed request is routed again
app.UseRequestSizeGuard(); // after routing: an endpoint may take more
app.UseAuthentication();
app.UseAuthorization();

var openApi = app.MapOpenApi();
if (app.Environment.IsProduction()) openApi.RequireAuthorization();
app.MapRazorPages();
app.MapSessionEndpoints();
app.MapHealthChecks("/health");
app.MapAccounts();
app.MapDistricts();
app.MapProcess();
app.MapCalculations();
app.MapAlerts();
app.MapParticipation();
app.MapPlanning();
app.MapWaterBoards();
app.MapObligations();
app.UseAlertSchedule();
app.MapNotifications();

app.Run();

public partial class Program;
