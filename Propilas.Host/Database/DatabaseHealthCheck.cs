using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Propilas.Host.Database;

public sealed class DatabaseHealthCheck(PropilasDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
