using Microsoft.AspNetCore.Identity;
using Propilas.Host.Common;
using Propilas.Host.Database;

namespace Propilas.Host.Accounts;

/// <summary>
/// <c>dotnet Propilas.Host.dll create-coordinator --user &lt;name&gt;</c>: creates a coordinator account on the configured
/// database (migrated first, as at every start) and exits without serving. The password comes from the environment
/// variable <c>PROPILAS_COORDINATOR_PASSWORD</c> or else the first line of standard input, never from the command line,
/// where other users of the machine could read it and the shell would keep it.
/// </summary>
public static class CreateCoordinatorCommand
{
    public const string Name = "create-coordinator";
    public const string PasswordVariable = "PROPILAS_COORDINATOR_PASSWORD";

    public static bool IsAskedFor(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>The process exit code: 0 created, 1 refused (with the reason written to <paramref name="error"/>), 2 wrong usage.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error,
        Func<string, string?> environment)
    {
        var at = Array.IndexOf(args, "--user");
        var userName = at > 0 && at + 1 < args.Length ? args[at + 1].Trim() : "";
        if (userName.Length == 0 || args.Any(a => a.StartsWith("--password", StringComparison.OrdinalIgnoreCase)))
        {
            await error.WriteLineAsync($"usage: {Name} --user <name>   (password from ${PasswordVariable} or standard input, never an argument)");
            return 2;
        }
        var password = environment(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync($"No password: set {PasswordVariable} or give it on standard input.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await error.WriteLineAsync($"An account '{userName}' exists already; nothing was changed.");
            return 1;
        }
        await using var transaction = await db.Database.BeginWriteAsync(CancellationToken.None);
        var user = new AppUser { UserName = userName, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Coordinator);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync($"Not created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            return 1;
        }
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = $"account:{userName}", Action = "account.created", Target = userName, By = Name, Role = Roles.Coordinator,
            At = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), After = Roles.Coordinator,
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await output.WriteLineAsync($"Created the coordinator account '{userName}'.");
        return 0;
    }
}
