using Microsoft.EntityFrameworkCore;
using Propilas.Host.Accounts;
using Propilas.Host.Database;

namespace Propilas.Host.Notifications;

/// <summary>
/// Outside Production, gives the demo accounts of the pilots a person: a name, a position and an address at example.pe
/// (a domain that receives no mail). Accounts that already have a name are left as they are.
/// </summary>
public sealed class DemoPeopleSeeder(IServiceScopeFactory scopes, IHostEnvironment environment) : IHostedService
{
    private static readonly (string Name, string Email, string Position)[] People =
    [
        ("Rosa Chávez Quispe", "rosa.chavez", "coordinadora regional del programa"),
        ("Julio Huamán Cercado", "julio.huaman", "alcalde distrital"), ("Elena Vásquez Terrones", "elena.vasquez", "regidora"),
        ("Marco Rojas Cotrina", "marco.rojas", "responsable del área técnica municipal"), ("Lucía Mendoza Alcántara", "lucia.mendoza", "jefa del puesto de salud"),
        ("Teodoro Gálvez Ocas", "teodoro.galvez", "alcalde distrital"), ("Carmen Díaz Chuquiruna", "carmen.diaz", "regidora"),
        ("Wilmer Sánchez Mostacero", "wilmer.sanchez", "responsable del área técnica municipal"), ("Norma Tasilla Pérez", "norma.tasilla", "jefa del puesto de salud"),
        ("Segundo Cueva Llanos", "segundo.cueva", "alcalde distrital"), ("Maribel Chilón Ruiz", "maribel.chilon", "regidora"),
        ("Edwin Briones Lozano", "edwin.briones", "responsable del área técnica municipal"), ("Flor Izquierdo Cabrera", "flor.izquierdo", "jefa del puesto de salud"),
        ("Alfonso Ramírez Vargas", "alfonso.ramirez", "alcalde distrital"), ("Yolanda Guevara Silva", "yolanda.guevara", "regidora"),
        ("Hernán Cieza Tucto", "hernan.cieza", "responsable del área técnica municipal"), ("Doris Medina Zambrano", "doris.medina", "jefa del puesto de salud"),
        ("Víctor Bazán Muñoz", "victor.bazan", "alcalde distrital"), ("Gladys Herrera Tirado", "gladys.herrera", "regidora"),
        ("Ronald Villanueva Saldaña", "ronald.villanueva", "responsable del área técnica municipal"), ("Rocío Fernández Idrogo", "rocio.fernandez", "jefa del puesto de salud"),
        ("Pedro Castañeda Burga", "pedro.castaneda", "alcalde distrital"), ("Nelly Correa Becerra", "nelly.correa", "regidora"),
        ("Óscar Tello Carranza", "oscar.tello", "responsable del área técnica municipal"), ("Milagros Romero Aguilar", "milagros.romero", "jefa del puesto de salud"),
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        if (environment.IsProduction()) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropilasDb>();
        var pilots = await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Slug }).ToListAsync(ct);
        var names = new List<string> { "coordinator" };
        foreach (var slug in pilots.Select(d => d.Slug.Value).Where(AccountSeeder.PilotDistricts.Contains).Order(StringComparer.Ordinal))
            names.AddRange(Roles.OfADistrict.Select(role => $"{role}.{slug}"));
        var accounts = await db.Users.Where(u => u.FullName == null && names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, ct);
        for (var i = 0; i < names.Count && i < People.Length; i++)
        {
            if (!accounts.TryGetValue(names[i], out var user)) continue;
            var (name, email, position) = People[i];
            user.FullName = name;
            user.Position = position;
            user.Email = $"{email}@example.pe";
            user.NormalizedEmail = user.Email.ToUpperInvariant();
            user.PhoneNumber = $"+51 976 {100 + i:000} {200 + 7 * i:000}";
        }
        if (accounts.Count > 0) await db.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
