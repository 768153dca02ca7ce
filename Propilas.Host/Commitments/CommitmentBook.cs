using Propilas.Host.Common;
using Propilas.Host.Alerts;
using Propilas.Host.Districts;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Propilas.Host.Calculations;
using Propilas.Host.Participation;
using Propilas.Rules.Calculations;
using Propilas.Rules.Facts;
using Propilas.Workflows;

namespace Propilas.Host.Commitments;

/// <summary>Reads and records a district's commitments and its investment budget, for the API and the pages alike.</summary>
public sealed class CommitmentBook(ParticipationContext context, CalculationDefaults defaults)
{
    private const string What = "commitments";

    public async Task<Outcome<IReadOnlyList<CommitmentView>>> ListAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, What, ct);
        if (district.Failure is { } f) return f;
        var rows = await context.Db.Set<Commitment>().AsNoTracking().Where(c => c.DistrictId == district.Value!.Id)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync(ct);
        return rows.Select(c => CommitmentView.Of(c, context.Today)).ToList();
    }

    /// <summary>
    /// A commitment falls due within a plan's horizon of today: a strategic plan runs ten years or so, and a commitment
    /// recorded late may be a few years old. A due date in 1999 or 9999 is a slip of the keyboard, refused with the window.
    /// </summary>
    public const int DueYearsBack = 5, DueYearsAhead = 20;

    public async Task<Outcome<CommitmentView>> AddAsync(ClaimsPrincipal user, string slug, NewCommitment request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var checks = new Checks();
        var party = checks.Text("party", request.Party, Bounds.Title);
        var what = checks.Text("what", request.What, Bounds.Line, multiLine: true);
        if (request.Amount <= 0) checks.Add("amount", "must be greater than 0");
        checks.NotAbove("amount", request.Amount, Bounds.Money);
        var dueOn = checks.Date("dueOn", request.DueOn);
        checks.Within("dueOn", dueOn, new DateOnly(context.Today.Year - DueYearsBack, 1, 1), new DateOnly(context.Today.Year + DueYearsAhead, 12, 31));
        var municipality = request.IsMunicipality ?? false;
        if (request.FirstYear is not null || request.LastYear is not null)
        {
            var first = checks.Year("firstYear", request.FirstYear);
            var last = checks.Year("lastYear", request.LastYear);
            if (first > last) checks.Add("lastYear", "must not be before firstYear");
            if (!municipality) checks.Add("isMunicipality", "must be true: only the municipality's annual investment commitment covers years");
            if (request.Amount is null) checks.Add("amount", "is required for an annual investment commitment: soles for each year");
        }
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The commitment could not be recorded.");

        var commitment = new Commitment
        {
            DistrictId = district.Id, Party = party!, IsMunicipality = municipality, What = what!, Amount = request.Amount,
            FirstYear = request.FirstYear, LastYear = request.LastYear, DueOn = dueOn!.Value, Status = CommitmentStatus.Pending, Version = 1,
        };
        context.Db.Add(commitment);
        context.Audit(district, user, "commitment.recorded", Target(commitment), null, Words.Of(CommitmentStatus.Pending),
            CommitmentView.Of(commitment, context.Today));
        if (await context.SaveAsync(district, "The commitment", DistrictArea.Commitments, ct) is { } failed) return failed;
        return CommitmentView.Of(commitment, context.Today);
    }

    public async Task<Outcome<CommitmentView>> FulfilAsync(ClaimsPrincipal user, string slug, int id, FulfilRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var commitment = await FindAsync(district, id, ct);
        if (commitment is null) return Failure.NotFound($"No commitment {id} in district '{slug}'.");
        var checks = new Checks();
        var evidence = checks.Text("evidence", request.Evidence, Bounds.Text, multiLine: true);
        var on = checks.Date("fulfilledOn", request.FulfilledOn, required: false);
        checks.NotAfter("fulfilledOn", on, context.Today);
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The commitment could not be marked fulfilled.");
        if (ParticipationContext.CheckVersion($"Commitment {id}", commitment.Version, request.ExpectedVersion) is { } stale) return stale;
        if (commitment.Status != CommitmentStatus.Pending)
            return Failure.Conflict($"Commitment {id} is {Words.Of(commitment.Status)}, not pending.", "not-pending");

        commitment.Status = CommitmentStatus.Fulfilled;
        commitment.Evidence = evidence;
        commitment.FulfilledOn = on ?? context.Today;
        commitment.Version++;
        context.Audit(district, user, "commitment.fulfilled", Target(commitment), Words.Of(CommitmentStatus.Pending), Words.Of(CommitmentStatus.Fulfilled),
            new { evidence, fulfilledOn = commitment.FulfilledOn });
        if (await context.SaveAsync(district, $"Commitment {id}", DistrictArea.Commitments, ct) is { } failed) return failed;
        return CommitmentView.Of(commitment, context.Today);
    }

    public async Task<Outcome<CommitmentView>> CancelAsync(ClaimsPrincipal user, string slug, int id, CancelRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, What, ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var commitment = await FindAsync(district, id, ct);
        if (commitment is null) return Failure.NotFound($"No commitment {id} in district '{slug}'.");
        var checks = new Checks();
        var reason = checks.Text("reason", request.Reason, Bounds.Line, multiLine: true);
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The commitment could not be cancelled.");
        if (ParticipationContext.CheckVersion($"Commitment {id}", commitment.Version, request.ExpectedVersion) is { } stale) return stale;
        if (commitment.Status != CommitmentStatus.Pending)
            return Failure.Conflict($"Commitment {id} is {Words.Of(commitment.Status)}, not pending.", "not-pending");

        commitment.Status = CommitmentStatus.Cancelled;
        commitment.CancelReason = reason;
        commitment.Version++;
        context.Audit(district, user, "commitment.cancelled", Target(commitment), Words.Of(CommitmentStatus.Pending), Words.Of(CommitmentStatus.Cancelled));
        if (await context.SaveAsync(district, $"Commitment {id}", DistrictArea.Commitments, ct) is { } failed) return failed;
        return CommitmentView.Of(commitment, context.Today);
    }

    public async Task<Outcome<MunicipalShareView>> ShareAsync(ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var district = await context.OpenAsync(user, slug, write: false, "investment budget", ct);
        if (district.Failure is { } f) return f;
        return await ShareOfAsync(district.Value!.Id, ct);
    }

    public async Task<Outcome<MunicipalShareView>> SetBudgetAsync(ClaimsPrincipal user, string slug, InvestmentBudgetRequest request, CancellationToken ct)
    {
        var opened = await context.OpenAsync(user, slug, write: true, "investment budget", ct);
        if (opened.Failure is { } f) return f;
        var district = opened.Value!;
        var checks = new Checks();
        var baseYear = checks.Year("baseYear", request.BaseYear);
        var firstPlanYear = checks.Year("firstPlanYear", request.FirstPlanYear ?? (baseYear + 1));
        foreach (var (field, missing) in new[]
                 {
                     ("totalBudget", request.TotalBudget is null), ("investmentBudget", request.InvestmentBudget is null),
                     ("population", request.Population is null), ("coveragePct", request.CoveragePct is null),
                     ("rehabilitationPopulation", request.RehabilitationPopulation is null),
                 })
            if (missing) checks.Add(field, "is required");
        if (checks.Ok)
        {
            var input = new InvestmentPlanInput(district.Name, request.TotalBudget!.Value, request.InvestmentBudget!.Value, request.Population!.Value,
                request.CoveragePct!.Value, request.RehabilitationPopulation!.Value);
            foreach (var error in input.Validate()) checks.Add(error.Field, error.Message);
        }
        if (!checks.Ok) return Failure.Invalid(checks.Errors, "The investment budget could not be recorded.");

        var budget = await context.Db.Set<InvestmentBudget>().FirstOrDefaultAsync(b => b.DistrictId == district.Id, ct);
        if (ParticipationContext.CheckVersion("The investment budget", budget?.Version ?? 0, request.ExpectedVersion) is { } stale) return stale;
        var before = budget is null ? null : $"{budget.AnnualInvestmentBudget} a year from {budget.FirstPlanYear}";
        if (budget is null)
        {
            budget = new InvestmentBudget { DistrictId = district.Id };
            context.Db.Add(budget);
        }
        budget.BaseYear = baseYear!.Value;
        budget.TotalBudget = request.TotalBudget!.Value;
        budget.AnnualInvestmentBudget = request.InvestmentBudget!.Value;
        budget.Population = request.Population!.Value;
        budget.CoveragePct = request.CoveragePct!.Value;
        budget.RehabilitationPopulation = request.RehabilitationPopulation!.Value;
        budget.FirstPlanYear = firstPlanYear!.Value;
        budget.Version++;
        context.Audit(district, user, "investment-budget.recorded", district.Slug.Value, before,
            $"{budget.AnnualInvestmentBudget} a year from {budget.FirstPlanYear}", request with { ExpectedVersion = null });
        if (await context.SaveAsync(district, "The investment budget", DistrictArea.Commitments, ct) is { } failed) return failed;
        return await ShareOfAsync(district.Id, ct);
    }

    private async Task<MunicipalShareView> ShareOfAsync(int districtId, CancellationToken ct)
    {
        var budget = await context.Db.Set<InvestmentBudget>().AsNoTracking().FirstOrDefaultAsync(b => b.DistrictId == districtId, ct);
        var municipal = await context.Db.Set<Commitment>().AsNoTracking()
            .Where(c => c.DistrictId == districtId && c.IsMunicipality && c.FirstYear != null).ToListAsync(ct);
        var parameters = defaults.InvestmentPlan;
        var years = MunicipalShare.Years(budget, parameters.Years, municipal);
        var total = years.Sum(y => y.Budget);
        var committed = years.Sum(y => y.MunicipalCommitment);
        var share = total > 0 ? committed / total : 0m;
        return new MunicipalShareView(
            budget is null ? null : new InvestmentBudgetInputs(budget.BaseYear, budget.TotalBudget, budget.AnnualInvestmentBudget, budget.Population,
                budget.CoveragePct, budget.RehabilitationPopulation, budget.FirstPlanYear, budget.Version),
            years, total, committed, share, parameters.MunicipalShare, parameters.Years, total > 0 && committed >= total * parameters.MunicipalShare);
    }

    private Task<Commitment?> FindAsync(DistrictRef district, int id, CancellationToken ct) =>
        context.Db.Set<Commitment>().FirstOrDefaultAsync(c => c.Id == id && c.DistrictId == district.Id, ct);

    private static string Target(Commitment c)
    {
        var text = $"{c.Party}: {c.What}";
        return text.Length > 200 ? text[..200] : text;
    }
}
