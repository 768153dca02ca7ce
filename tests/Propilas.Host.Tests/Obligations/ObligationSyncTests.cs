using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Propilas.Host.Alerts;
using Propilas.Host.Obligations;
using Propilas.Host.Tests.WaterBoards;

namespace Propilas.Host.Tests.Obligations;

/// <summary>The change handler that keeps a district's obligations in line, run as several requests would run it at once.</summary>
public sealed class ObligationSyncTests(BoardHost host) : IClassFixture<BoardHost>
{
    [Fact]
    public async Task Handlers_running_at_once_for_one_district_add_each_obligation_once()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Bellavista"));
        var districtId = await host.WithDbAsync(db => db.Districts.Where(x => x.Slug == Districts.DistrictSlug.From(d.Slug)).Select(x => x.Id).SingleAsync());
        await host.WithDbAsync(db => db.Set<Obligation>().Where(o => o.DistrictId == districtId).ExecuteDeleteAsync());

        var scopes = Enumerable.Range(0, 8).Select(_ => host.Services.CreateAsyncScope()).ToList();
        var handlers = scopes.Select(s => s.ServiceProvider.GetServices<IDistrictChangeHandler>().OfType<ObligationSync>().Single()).ToList();
        var start = new TaskCompletionSource();
        var runs = handlers.Select(h => Task.Run(async () => { await start.Task; await h.OnChangedAsync(new DistrictChange(districtId, DistrictArea.All), CancellationToken.None); })).ToList();
        start.SetResult();
        await Task.WhenAll(runs);
        foreach (var scope in scopes) await scope.DisposeAsync();

        Assert.Equal(18, await host.WithDbAsync(db => db.Set<Obligation>().CountAsync(o => o.DistrictId == districtId)));
    }
}
