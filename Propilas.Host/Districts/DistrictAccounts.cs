using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Rules.Facts;

namespace Propilas.Host.Districts;

public sealed record NewAccount(string? UserName, string? Role, string? Password);

/// <summary>Creates a district's account (mayor, alderman, technical area, health post), for the API and the coordinator's page alike.</summary>
public sealed class DistrictAccounts(PropilasDb db, UserManager<AppUser> users, TimeProvider time)
{
    /// <summary>The account created, or why not: no such district, a user name taken, or each field's problems in both languages.</summary>
    public sealed record Result(AppUser? Created, Dictionary<string, LocalizedText[]> Errors, bool Duplicate = false, bool NoDistrict = false);

    private static readonly LocalizedText Required = new("Este dato es obligatorio.", "is required");

    /// <summary>Long enough for any pass phrase; a longer one is only work for the hash.</summary>
    public const int MaxPassword = 128;

    private static LocalizedText TooLong(int max) => new($"Como máximo {max} caracteres.", $"must be at most {max} characters");

    public async Task<Result> CreateAsync(string slug, NewAccount request, string createdBy, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district)
            return new Result(null, [], NoDistrict: true);
        var errors = new Dictionary<string, LocalizedText[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = [Required];
        else if (request.UserName.Trim().Length > Propilas.Workflows.Bounds.Name) errors["userName"] = [TooLong(Propilas.Workflows.Bounds.Name)];
        if (request.Role is null || !Roles.OfADistrict.Contains(request.Role))
        {
            var roles = string.Join(", ", Roles.OfADistrict.Select(r => $"'{r}'"));
            errors["role"] = [new($"Debe ser uno de {roles}.", $"must be one of {roles}")];
        }
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = [Required];
        else if (request.Password.Length > MaxPassword) errors["password"] = [TooLong(MaxPassword)];
        if (errors.Count > 0) return new Result(null, errors);
        var userName = request.UserName!.Trim();
        if (await users.FindByNameAsync(userName) is not null) return Taken(userName);

        var user = new AppUser { UserName = userName, DistrictId = district.Id, EmailConfirmed = true };
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        // On PostgreSQL the other request's row is met at the unique index (SQLite's writers take turns, and the check finds it).
        catch (DbUpdateException e) when (e.IsConflict())
        {
            return Taken(userName);
        }
        if (!created.Succeeded)
        {
            // The same user name created at once by another request: a conflict, as when it was taken earlier.
            if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))) return Taken(userName);
            return new Result(null, created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray()));
        }
        await users.AddToRoleAsync(user, request.Role!);
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = "account.created", Target = user.UserName, By = createdBy,
            Role = Roles.Coordinator, At = time.GetUtcNow(), After = request.Role,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(user, []);
    }

    private static Result Taken(string userName) =>
        new(null, new() { ["userName"] = [new($"El nombre de usuario '{userName}' ya existe.", $"The user name '{userName}' is taken.")] }, Duplicate: true);

    /// <summary>Identity's own description is English: the password rules get their Spanish here.</summary>
    private static LocalizedText Describe(IdentityError e) => new(e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "La contraseña es demasiado corta (8 caracteres como mínimo).",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "La contraseña debe tener al menos un dígito (0-9).",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "La contraseña debe tener al menos una minúscula (a-z).",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "La contraseña debe tener al menos una mayúscula (A-Z).",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "La contraseña debe tener al menos un signo que no sea letra ni dígito.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "La contraseña debe tener más caracteres distintos.",
        nameof(IdentityErrorDescriber.InvalidUserName) => "El nombre de usuario solo puede tener letras sin tilde, dígitos y los signos - . _ @",
        _ => e.Description,
    }, e.Description);
}
