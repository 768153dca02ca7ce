using Propilas.Host.Common;
using Microsoft.AspNetCore.Mvc;
using Propilas.Host.Commitments;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Participation;

namespace Propilas.Host.Pages.Participation;

/// <summary>The parties' commitments, followed until fulfilled with evidence, and the municipality's share of the investment budget.</summary>
public sealed class CommitmentsModel(CommitmentBook book, ParticipationContext context) : ParticipationPage(context)
{
    public IReadOnlyList<CommitmentView> Commitments { get; private set; } = [];
    public MunicipalShareView Share { get; private set; } = null!;

    [BindProperty] public string? Party { get; set; }
    [BindProperty] public bool IsMunicipality { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? FirstYear { get; set; }
    [BindProperty] public string? LastYear { get; set; }
    [BindProperty] public string? DueOn { get; set; }

    [BindProperty] public string? BaseYear { get; set; }
    [BindProperty] public string? TotalBudget { get; set; }
    [BindProperty] public string? InvestmentBudget { get; set; }
    [BindProperty] public string? Population { get; set; }
    [BindProperty] public string? CoveragePct { get; set; }
    [BindProperty] public string? RehabilitationPopulation { get; set; }
    [BindProperty] public string? FirstPlanYear { get; set; }

    /// <summary>What was typed in a rejected fulfil or cancel form.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    protected override string PageName => "commitments";

    protected override async Task LoadRecordsAsync(CancellationToken ct)
    {
        Commitments = (await book.ListAsync(User, Slug, ct)).Value ?? [];
        Share = (await book.ShareAsync(User, Slug, ct)).Value!;
        if (FailedForm != "budget" && Share.Budget is { } b)
        {
            BaseYear = b.BaseYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
            TotalBudget = TypedNumbers.ForInput(b.TotalBudget);
            InvestmentBudget = TypedNumbers.ForInput(b.InvestmentBudget);
            Population = b.Population.ToString(System.Globalization.CultureInfo.InvariantCulture);
            CoveragePct = TypedNumbers.ForInput(b.CoveragePct);
            RehabilitationPopulation = b.RehabilitationPopulation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            FirstPlanYear = b.FirstPlanYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var amount = ReadDecimal(Amount, "amount", errors);
        var first = ReadInt(FirstYear, "firstYear", errors);
        var last = ReadInt(LastYear, "lastYear", errors);
        if (errors.Count > 0) return await InvalidAsync(slug, "add", errors, ct);
        var result = await book.AddAsync(User, slug, new NewCommitment(Party, IsMunicipality, What, amount, first, last, DueOn), ct);
        return result.Failure is { } f ? await RejectedAsync(slug, "add", f, ct) : Done(slug, $"commitment-{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostFulfilAsync(string slug, int id, string? evidence, string? fulfilledOn, int? version, CancellationToken ct)
    {
        var result = await book.FulfilAsync(User, slug, id, new FulfilRequest(evidence, fulfilledOn, version), ct);
        if (result.Failure is null) return Done(slug, $"commitment-{id}");
        Typed["evidence"] = evidence;
        Typed["fulfilledOn"] = fulfilledOn;
        return await RejectedAsync(slug, $"fulfil-{id}", result.Failure, ct);
    }

    /// <summary>The commitment whose cancellation waits for a second, explicit yes.</summary>
    public int? ConfirmingCancel { get; private set; }

    /// <summary>Cancelling asks first: without <c>confirm=1</c> the page comes back with the question; only the yes cancels.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string slug, int id, string? reason, int? version, string? confirm, CancellationToken ct)
    {
        if (confirm != "1")
        {
            Typed["reason"] = reason;
            if (string.IsNullOrWhiteSpace(reason)) return await InvalidAsync(slug, $"cancel-{id}", new() { ["reason"] = ["is required"] }, ct);
            ConfirmingCancel = id;
            return await ShowAsync(slug, ct);
        }
        var result = await book.CancelAsync(User, slug, id, new CancelRequest(reason, version), ct);
        if (result.Failure is null) return Done(slug, $"commitment-{id}");
        Typed["reason"] = reason;
        return await RejectedAsync(slug, $"cancel-{id}", result.Failure, ct);
    }

    public async Task<IActionResult> OnPostBudgetAsync(string slug, int? version, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new InvestmentBudgetRequest(ReadInt(BaseYear, "baseYear", errors), ReadDecimal(TotalBudget, "totalBudget", errors),
            ReadDecimal(InvestmentBudget, "investmentBudget", errors), ReadInt(Population, "population", errors),
            ReadDecimal(CoveragePct, "coveragePct", errors), ReadInt(RehabilitationPopulation, "rehabilitationPopulation", errors),
            ReadInt(FirstPlanYear, "firstPlanYear", errors), version ?? 0);
        if (errors.Count > 0) return await InvalidAsync(slug, "budget", errors, ct);
        var result = await book.SetBudgetAsync(User, slug, request, ct);
        return result.Failure is { } f ? await RejectedAsync(slug, "budget", f, ct) : Done(slug, "municipal-share");
    }

    protected override string FieldId(string form, string field) => form switch
    {
        "add" => Kebab(field),
        "budget" => "budget-" + field,
        _ => Kebab(field) + form[form.LastIndexOf('-')..], // fulfil-12: evidence-12, fulfilled-on-12
    };

    public string? TypedIn(string form, string field) => Failed(form) ? Typed.GetValueOrDefault(field) : null;
}
