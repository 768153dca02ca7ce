using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Common;
using Propilas.Host.Database;
using Propilas.Rules.Facts;

namespace Propilas.Host.Districts;

/// <summary>A district account to create; the person's name, position, e-mail, phone and language may be given at once or later (by them on /profile).</summary>
public sealed record NewAccount(string? UserName, string? Role, string? Password,
    string? FullName = null, string? Position = null, string? Email = null, string? Phone = null, string? Language = null);

/// <summary>One account of a district as the coordinator manages it.</summary>
public sealed record DistrictAccount(string UserName, string Role, string? FullName, string? Position, string? Email, string? Phone,
    string Language, bool Disabled);

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
        CheckPerson(request, errors);
        if (errors.Count > 0) return new Result(null, errors);
        var userName = request.UserName!.Trim();
        if (await users.FindByNameAsync(userName) is not null) return Taken(userName);

        var user = new AppUser
        {
            UserName = userName, DistrictId = district.Id, EmailConfirmed = true, FullName = Trimmed(request.FullName),
            Position = Trimmed(request.Position), Email = Trimmed(request.Email), PhoneNumber = Trimmed(request.Phone),
            Language = Trimmed(request.Language) ?? "es",
        };
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

    /// <summary>The district's accounts, by role then user name; null when there is no such district.</summary>
    public async Task<IReadOnlyList<DistrictAccount>?> ListAsync(string slug, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return null;
        var rows = await (from u in db.Users.AsNoTracking()
                          where u.DistrictId == district.Id
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          select new { u.UserName, Role = r.Name, u.FullName, u.Position, u.Email, u.PhoneNumber, u.Language, u.LockoutEnd })
            .ToListAsync(ct);
        return [.. rows.Select(a => new DistrictAccount(a.UserName ?? "", a.Role ?? "", a.FullName, a.Position, a.Email, a.PhoneNumber, a.Language,
                DisabledAccounts.IsDisabled(a.LockoutEnd)))
            .OrderBy(a => Array.IndexOf(Roles.OfADistrict, a.Role)).ThenBy(a => a.UserName, StringComparer.Ordinal)];
    }

    /// <summary>What a change to an existing account came to: the account as it is now, or why not (no such account in the
    /// district, or each field's problems in both languages).</summary>
    public sealed record Change(DistrictAccount? Account, Dictionary<string, LocalizedText[]> Errors, bool NotFound = false);

    /// <summary>
    /// Disables an account (it can no longer sign in, its sessions and tokens stop at their next request, and it is sent no
    /// messages) or enables it again. Disabling one already disabled, or enabling an active one, changes nothing and audits nothing.
    /// </summary>
    public async Task<Change> SetDisabledAsync(string slug, string userName, bool disabled, string by, CancellationToken ct)
    {
        if (await FindAsync(slug, userName, ct) is not { } found) return new Change(null, [], NotFound: true);
        var (district, user) = found;
        if (DisabledAccounts.IsDisabled(user.LockoutEnd) == disabled) return new Change(await ViewAsync(user), []);
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DisabledAccounts.LockedUntil : null;
        user.AccessFailedCount = 0;
        // Renewing the stamp ends every cookie and token issued before; enabling renews it too, so nothing from before the
        // disabling comes back to life.
        await Check(await users.UpdateSecurityStampAsync(user));
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = disabled ? "account.disabled" : "account.enabled", Target = user.UserName!, By = by,
            Role = Roles.Coordinator, At = time.GetUtcNow(), Before = disabled ? "active" : "disabled", After = disabled ? "disabled" : "active",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Change(await ViewAsync(user), []);
    }

    /// <summary>Gives an account a new password chosen by the coordinator (to hand to the person); every session of the account ends.
    /// A temporary lockout after failed sign-ins ends too; a disabled account stays disabled.</summary>
    public async Task<Change> ResetPasswordAsync(string slug, string userName, string? password, string by, CancellationToken ct)
    {
        if (await FindAsync(slug, userName, ct) is not { } found) return new Change(null, [], NotFound: true);
        var (district, user) = found;
        if (string.IsNullOrEmpty(password)) return new Change(null, new() { ["password"] = [Required] });
        if (password.Length > MaxPassword) return new Change(null, new() { ["password"] = [TooLong(MaxPassword)] });
        var refused = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } result) refused.AddRange(result.Errors);
        if (refused.Count > 0) return new Change(null, new() { ["password"] = [.. refused.Select(Describe)] });

        await using var transaction = await db.Database.BeginWriteAsync(ct);
        await Check(await users.RemovePasswordAsync(user));
        await Check(await users.AddPasswordAsync(user, password)); // renews the security stamp
        if (!DisabledAccounts.IsDisabled(user.LockoutEnd))
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await Check(await users.UpdateAsync(user));
        }
        db.AuditEvents.Add(new AuditEvent
        {
            Subject = district.Slug.Subject.Value, Action = "account.password-reset", Target = user.UserName!, By = by,
            Role = Roles.Coordinator, At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Change(await ViewAsync(user), []);
    }

    /// <summary>One account of the district, tracked for a change; null when the district or the account is not there.</summary>
    public async Task<(DistrictRef District, AppUser User)?> FindAsync(string slug, string userName, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } district) return null;
        var user = await users.FindByNameAsync(userName);
        return user is not null && user.DistrictId == district.Id ? (district, user) : null;
    }

    private async Task<DistrictAccount> ViewAsync(AppUser user) =>
        new(user.UserName!, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", user.FullName, user.Position, user.Email, user.PhoneNumber,
            user.Language, DisabledAccounts.IsDisabled(user.LockoutEnd));

    private static Task Check(IdentityResult result) => result.Succeeded ? Task.CompletedTask
        : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));

    /// <summary>The person's details, each bounded; an e-mail or phone that cannot be one is refused on its field.</summary>
    private static void CheckPerson(NewAccount request, Dictionary<string, LocalizedText[]> errors)
    {
        if (Trimmed(request.FullName) is { Length: > Propilas.Workflows.Bounds.Name }) errors["fullName"] = [TooLong(Propilas.Workflows.Bounds.Name)];
        if (Trimmed(request.Position) is { Length: > Propilas.Workflows.Bounds.Name }) errors["position"] = [TooLong(Propilas.Workflows.Bounds.Name)];
        if (Trimmed(request.Email) is { } email && !ContactDetails.IsEmail(email))
            errors["email"] = [new("Escriba una dirección válida, como rosa.chavez@example.pe.", "must be a valid address, such as rosa.chavez@example.pe")];
        if (Trimmed(request.Phone) is { } phone && !ContactDetails.IsPhone(phone))
            errors["phone"] = [new("Solo números, espacios, guiones y un + inicial (de 6 a 15 dígitos), como +51 976 123 456.",
                "only digits, spaces, hyphens and a leading + (6 to 15 digits), such as +51 976 123 456")];
        if (Trimmed(request.Language) is { } language && !ContactDetails.IsLanguage(language))
            errors["language"] = [new("Debe ser 'es' (español) o 'en' (inglés).", "must be 'es' (Spanish) or 'en' (English)")];
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
