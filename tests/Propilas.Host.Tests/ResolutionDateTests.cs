using System.Globalization;

namespace Propilas.Host.Tests;

/// <summary>
/// Issue 16, point 6: a council resolution's dates that make no sense are refused with the reason, naming the field: not
/// before its step became ready (here: the day the plan was presented, the step it waits for), not after today.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class ResolutionDateTests(SeededHost host)
{
    [Fact]
    public async Task A_resolution_dated_before_its_step_was_ready_is_400_naming_the_field_and_the_earliest_date()
    {
        var mayor = await host.LoginAsync("mayor.san-juan");
        var before = await host.ProcessVersionAsync("san-juan");
        var earliest = await ReadyDayAsync(mayor, "san-juan");

        var problem = await mayor.CompleteAsync("san-juan", "council-resolution",
            new { resolutionNumber = "RC 1-2026", resolutionDate = Iso(earliest.AddDays(-1)), sessionDate = Iso(earliest) }).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["evidence.resolutionDate"], problem.ErrorKeys());
        Assert.Equal($"must not be before {Iso(earliest)}, the day this step became ready",
            problem.GetProperty("errors").GetProperty("evidence.resolutionDate")[0].GetString());
        Assert.Equal(before, await host.ProcessVersionAsync("san-juan"));
    }

    [Fact]
    public async Task A_resolution_dated_after_today_is_400_and_named_with_the_evidences_other_problems()
    {
        var mayor = await host.LoginAsync("mayor.llacanora");
        var today = DateOnly.FromDateTime(host.Time!.GetUtcNow().ToOffset(TimeSpan.FromHours(-5)).DateTime);

        var problem = await mayor.CompleteAsync("llacanora", "council-resolution", new { resolutionDate = Iso(today.AddDays(1)) })
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["evidence.resolutionDate", "evidence.resolutionNumber"], problem.ErrorKeys().Order());
        Assert.Equal($"must not be after today ({Iso(today)}): a resolution already passed is not dated in the future",
            problem.GetProperty("errors").GetProperty("evidence.resolutionDate")[0].GetString());
        problem = await mayor.CompleteAsync("llacanora", "council-resolution",
            new { resolutionNumber = "RC 1-2026", resolutionDate = Iso(today), sessionDate = "9999-01-01" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.sessionDate"], problem.ErrorKeys());
        Assert.Equal("ready", (await mayor.ProcessAsync("llacanora")).Step("council-resolution").Str("status"));
    }

    [Fact]
    public async Task Who_may_act_and_a_stale_version_are_answered_before_the_dates()
    {
        var alderman = await host.LoginAsync("alderman.miguel-iglesias");
        var mayor = await host.LoginAsync("mayor.miguel-iglesias");
        var evidence = new { resolutionNumber = "RC 1-2026", resolutionDate = "1999-01-01" };

        await alderman.CompleteAsync("miguel-iglesias", "council-resolution", evidence).ExpectAsync(HttpStatusCode.Forbidden);
        var version = await host.ProcessVersionAsync("miguel-iglesias");
        await mayor.CompleteAsync("miguel-iglesias", "council-resolution", evidence, version - 1).ExpectAsync(HttpStatusCode.Conflict);
    }

    /// <summary>The day (in Peru) the council-resolution step became ready: the plan's presentation, the step it waits for.</summary>
    private static async Task<DateOnly> ReadyDayAsync(HttpClient client, string slug)
    {
        var presented = (await client.ProcessAsync(slug)).Step("plan-presentation").GetProperty("outcome").GetProperty("at").GetDateTimeOffset();
        return DateOnly.FromDateTime(presented.ToOffset(TimeSpan.FromHours(-5)).DateTime);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
