using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Propilas.Host.Database;

namespace Propilas.Host.Tests;

/// <summary>The host's queries compile their closed nested lambdas once (<see cref="OnceCompiledShapers"/>).</summary>
public sealed class OnceCompiledShapersTests
{
    [Fact]
    public async Task The_host_compiles_its_queries_through_it_and_a_cached_query_answers_again()
    {
        await using var host = new PropilasFactory(new HostSettings { FakeNow = PropilasFactory.DefaultNow });

        await host.WithDbAsync(async db =>
        {
#pragma warning disable EF9100
            Assert.IsType<OnceCompiledShapers>(db.GetService<ILiftableConstantProcessor>());
#pragma warning restore EF9100
            // Twice: the second run uses the cached executor, whose shaper is the constant compiled the first time.
            for (var i = 0; i < 2; i++)
                Assert.Equal(6, await db.WorkflowInstances.AsNoTracking().Select(w => w.Subject).Distinct().CountAsync());
            return 0;
        });
    }
}
