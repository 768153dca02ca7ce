using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Propilas.Host.Accounts;
using Propilas.Host.Calculations;
using Propilas.Host.Database;
using Propilas.Host.Districts;
using Propilas.Host.InvestmentPlans;
using Propilas.Host.Pages.Localization;
using Propilas.Host.Planning;
using Propilas.Host.Process;
using Propilas.Rules.Calculations;
using Propilas.Workflows;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Pages.Planning;

/// <summary>
/// A district's investment plan: the 16 columns, a what-if on the parameters (GET, nothing saved), the inputs form
/// (coordinator, mayor), and, for the coordinator, recording the plan in the process step.
/// </summary>
public sealed class InvestmentPlanModel(PropilasDb db, InvestmentPlanner planner, InvestmentInputsEditor editor, ProcessContext process, IStringLocalizer<Texts> texts) : PageModel
{
    public District District { get; private set; } = null!;
    public DistrictInvestmentInputs? Inputs { get; private set; }
    public InvestmentPlanParameters? Parameters { get; private set; }
    public InvestmentPlanResult? Plan { get; private set; }

    /// <summary>In a what-if, the district's own plan, shown beside it.</summary>
    public InvestmentPlanResult? StoredPlan { get; private set; }
    public InvestmentPlanEndpoints.RecordedView? Recorded { get; private set; }
    public InvestmentPlanResult? RecordedPlan => Recorded is null ? null : Recorded.Plan.Deserialize<InvestmentPlanResult>(InvestmentPlanner.Json);

    /// <summary>Parameters typed in the what-if form, with their errors.</summary>
    public PlanForm WhatIf { get; private set; } = PlanForm.Empty;

    /// <summary>Whether the plan shown is a what-if (parameters given in the query), not the district's own.</summary>
    public bool IsWhatIf { get; private set; }

    /// <summary>The inputs form, with what was typed and its errors when a save is rejected.</summary>
    public PlanForm InputsForm { get; private set; } = PlanForm.Empty;

    public bool Stale { get; private set; }
    public string? Message { get; private set; }
    [TempData] public string? Saved { get; set; }

    public bool CanEdit => User.IsCoordinator() || User.IsInRole(Roles.Mayor);

    /// <summary>The coordinator may record the stored plan when the process's investment-plan step is open.</summary>
    public bool CanRecord { get; private set; }
    public int ProcessVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadDistrictAsync(slug, ct) is { } denied) return denied;
        WhatIf = PlanForm.From(Request.Query, Explain);
        IsWhatIf = WhatIf.HasParameters;
        await LoadPlanAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, int version, CancellationToken ct)
    {
        if (await LoadDistrictAsync(slug, ct) is { } denied) return denied;
        if (!CanEdit) return Forbid();
        var form = PlanForm.From(Request.Form, Explain);
        var parameters = form.Parameters();
        var request = form.Inputs(WithoutDefaults(parameters), version);
        if (form.Errors.Count == 0)
        {
            var outcome = await editor.SaveAsync(District, request, User.Identity!.Name!, User.IsCoordinator() ? Roles.Coordinator : Roles.Mayor, ct);
            if (outcome.Saved is not null)
            {
                Saved = "1";
                return Redirect($"/districts/{slug}/investment-plan");
            }
            Stale = outcome.Stale;
            form.AddErrors(outcome.Errors);
        }
        InputsForm = form;
        Response.StatusCode = Stale ? 409 : 400;
        await LoadPlanAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(string slug, int version, CancellationToken ct)
    {
        if (await LoadDistrictAsync(slug, ct) is { } denied) return denied;
        if (await process.FindAsync(slug, ct) is not { } target) return NotFound();
        var inputs = await planner.FindAsync(District.Id, ct);
        var plan = inputs is null ? null : InvestmentPlanner.Plan(District, inputs, planner.ParametersOf(inputs));
        var evidence = plan is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(new
        {
            totalInvestment = plan.TotalInvestment, municipalCommitment = plan.MunicipalCommitment, balance = plan.Balance,
        });
        var result = await process.ApplyAsync(target, (instance, runtime, actor) =>
            runtime.CompleteStepAsync(instance, new StepId(InvestmentPlanRecorder.StepId), actor, evidence, version, ct), ct);
        if (result.Succeeded)
        {
            Saved = "1";
            return Redirect($"/districts/{slug}#step-{InvestmentPlanRecorder.StepId}");
        }
        var error = result.Error!;
        Stale = error.Kind == WorkflowErrorKind.Conflict;
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Message = error.UnmetConditions is { Count: > 0 } unmet ? string.Join(" ", unmet.Select(u => u.Message.In(language))) : Stale ? null : error.Message;
        Response.StatusCode = error.Kind == WorkflowErrorKind.Forbidden ? 403 : 409;
        await LoadPlanAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadDistrictAsync(string slug, CancellationToken ct)
    {
        if (await db.FindDistrictAsync(slug, ct) is not { } found) return NotFound();
        if (!User.CanAccess(found.Slug)) return Forbid();
        var district = await db.RecordOfAsync(found, ct);
        District = district;
        return null;
    }

    private async Task LoadPlanAsync(CancellationToken ct)
    {
        Inputs = await planner.FindAsync(District.Id, ct);
        Recorded = await InvestmentPlanEndpoints.LatestRecordedAsync(db, District.Id, ct);
        if (Inputs is not null)
        {
            var whatIf = WhatIf.Parameters();
            var parameters = planner.ParametersOf(Inputs, whatIf);
            var invalid = parameters.Validate();
            if (invalid.Count > 0)
            {
                WhatIf.AddErrors(invalid);
                parameters = planner.ParametersOf(Inputs);
            }
            Parameters = parameters;
            Plan = InvestmentPlanner.Plan(District, Inputs, parameters);
            if (IsWhatIf) StoredPlan = InvestmentPlanner.Plan(District, Inputs, planner.ParametersOf(Inputs));
            WhatIf.Show(parameters);
            InputsForm.Show(Inputs);
        }
        else Parameters = planner.Defaults;
        InputsForm.Show(Parameters);
        WhatIf.Show(Parameters);

        var found = User.IsCoordinator() ? await process.FindAsync(District.Slug.Value, ct) : null;
        if (found is not null)
        {
            ProcessVersion = found.Instance.Version;
            var step = found.Instance.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == InvestmentPlanRecorder.StepId);
            // Only the district's own plan can be recorded, not a what-if.
            CanRecord = Inputs is not null && Parameters == planner.ParametersOf(Inputs) && step?.Status is StepStatus.Ready;
        }
    }

    /// <summary>Parameters equal to the rule file's are not stored, so a later change of the file applies to the district.</summary>
    private InvestmentPlanParametersRequest WithoutDefaults(InvestmentPlanParametersRequest p)
    {
        var d = planner.Defaults;
        return new InvestmentPlanParametersRequest(
            p.CoverageDeficitReduction == d.CoverageDeficitReduction ? null : p.CoverageDeficitReduction,
            p.NewSystemCostPerCapitaUsd == d.NewSystemCostPerCapitaUsd ? null : p.NewSystemCostPerCapitaUsd,
            p.RehabilitationCostPerCapitaUsd == d.RehabilitationCostPerCapitaUsd ? null : p.RehabilitationCostPerCapitaUsd,
            p.ExchangeRateSolesPerUsd == d.ExchangeRateSolesPerUsd ? null : p.ExchangeRateSolesPerUsd,
            p.MunicipalShare == d.MunicipalShare ? null : p.MunicipalShare,
            p.Years == d.Years ? null : p.Years,
            p.CommunityShare == d.CommunityShare ? null : p.CommunityShare);
    }

    private string Explain(NumberProblem problem) => TypedNumbers.Explain(problem, texts);
}
