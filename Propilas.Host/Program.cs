using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Propilas.Host;
using Propilas.Host.Accounts;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.Process;
using Propilas.Workflows.Runtime;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddSingleton(TimeProvider.System);
services.AddPropilasDatabase(builder.Configuration, builder.Environment);
services.AddIdentityApiEndpoints<AppUser>(o =>
    {
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        o.Password.RequiredLength = 8;
        o.Lockout.MaxFailedAccessAttempts = 10;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<PropilasDb>()
    .AddClaimsPrincipalFactory<DistrictClaimsFactory>();
services.AddAuthorization();
// Keys that sign bearer tokens and cookies live beside the database, so sign-ins survive a restart.
services.AddDataProtection().SetApplicationName("Propilas")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } keys
        ? keys : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys")));
services.AddProblemDetails();
// A malformed request body is the caller's error: 400 in every environment (Development would otherwise throw, and answer 500).
services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
services.AddOpenApi();
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
services.AddHttpContextAccessor();
services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});

services.AddSingleton(ProcessSettings.From(builder.Configuration));
services.AddSingleton<CatalogHolder>();
services.AddScoped<IWorkflowStore, EfWorkflowStore>();
services.AddScoped<IGateConditionEvaluator, NoGateConditions>();
services.AddScoped(sp => new WorkflowRuntime(sp.GetRequiredService<CatalogHolder>().Catalog, sp.GetRequiredService<IWorkflowStore>(),
    sp.GetRequiredService<IGateConditionEvaluator>(), sp.GetRequiredService<TimeProvider>()));
services.AddScoped<ProcessContext>();
services.AddScoped<DefinitionPublisher>();
services.AddScoped<StartupTasks>();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(CancellationToken.None);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapGroup("/api/auth").MapIdentityApi<AppUser>().AddEndpointFilter(AuthEndpointFilter.OnlySignIn).WithTags("Accounts");
app.MapDistricts();
app.MapProcess();

app.Run();

public partial class Program;
