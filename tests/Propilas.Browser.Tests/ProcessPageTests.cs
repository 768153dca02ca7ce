using System.Net;
using Microsoft.Playwright;
using Propilas.Host.Tests.Infrastructure;

namespace Propilas.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ProcessPageTests(BrowserHost browser)
{
    [Fact]
    public async Task A_mayor_approves_a_gate_from_the_process_page()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Navegador"));
        await district.CompleteStageAsync("preparatory");

        var page = await browser.SignedInAsync(district.MayorName, password: TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}");
        await BrowserHost.ScreenshotAsync(page, "mayor-process-gate-ready");
        var gate = page.Locator("#gate-preparatory");
        // If something still blocks the gate, fail here showing what (the button would only be disabled).
        await Assertions.Expect(gate).ToContainTextAsync("Todo listo: la etapa puede aprobarse.");
        await gate.GetByRole(AriaRole.Button, new() { Name = "Aprobar la etapa" }).ClickAsync();

        // Approving closes the stage for good: the page asks first, and nothing changes until the person confirms.
        var confirm = gate.Locator(".confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("¿Aprobar la etapa «Etapa preparatoria»?");
        await Assertions.Expect(confirm).ToContainTextAsync("Esta acción cierra la etapa");
        Assert.EndsWith("#gate-preparatory", page.Url);
        await Accessibility.AssertInSightAsync(page, confirm);
        Assert.Equal("active", (await district.ProcessAsync()).Stage("preparatory").Str("status"));
        await BrowserHost.ScreenshotAsync(page, "mayor-process-confirm-gate");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Sí, aprobar la etapa" }).ClickAsync();

        await page.WaitForURLAsync($"**/districts/{district.Slug}#gate-preparatory");
        await Assertions.Expect(page.Locator("#gate-preparatory .notice.ok")).ToContainTextAsync("Aprobada por " + district.MayorName);
        await Assertions.Expect(page.Locator("#stage-design .badge").First).ToHaveTextAsync("En curso");
        var process = await district.ProcessAsync();
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
        await BrowserHost.ScreenshotAsync(page, "mayor-process-after-approval");
    }

    [Fact]
    public async Task A_mayor_cannot_open_another_districts_page()
    {
        var page = await browser.SignedInAsync("mayor.utco");
        var response = await page.GotoAsync("/districts/lajas");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("No tiene permiso para ver esta página.");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Lajas");
    }

    [Fact]
    public async Task The_language_switch_changes_the_pages_and_is_remembered()
    {
        var page = await browser.SignedInAsync("mayor.san-juan", phone: true);
        await page.GotoAsync("/districts/san-juan");
        await Assertions.Expect(page.Locator("#stage-preparatory h2")).ToContainTextAsync("Etapa preparatoria");
        await BrowserHost.ScreenshotAsync(page, "mayor-process-phone-es");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage-preparatory h2")).ToContainTextAsync("Preparatory stage");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GotoAsync("/districts/san-juan"); // a later visit keeps the choice
        await Assertions.Expect(page.Locator("#stage-institutional h2")).ToContainTextAsync("Institutional arrangements stage");
        await BrowserHost.ScreenshotAsync(page, "mayor-process-phone-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage-preparatory h2")).ToContainTextAsync("Etapa preparatoria");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Progress_and_the_next_action_are_in_sight_without_the_wall_of_alerts(bool phone)
    {
        var page = await browser.SignedInAsync("mayor.san-juan", phone);
        await page.GotoAsync("/districts/san-juan");
        await Assertions.Expect(page.Locator("#progress-title")).ToHaveTextAsync("Etapa 3 de 3 · 12 de 13 pasos");
        var next = page.Locator("#progress .next-action");
        await Assertions.Expect(next).ToContainTextAsync("Su siguiente acción: Aprobar: Aprobación por el concejo municipal · Vence 18/07/2005");
        await Assertions.Expect(next.Locator("a")).ToHaveAttributeAsync("href", "#step-council-resolution");
        await Accessibility.AssertInSightAsync(page, next);
        await Assertions.Expect(page.Locator("#alerts")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, $"mayor-process-progress-{(phone ? 360 : 1280)}");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress-title")).ToHaveTextAsync("Stage 3 of 3 · 12 of 13 steps");
        await Assertions.Expect(next).ToContainTextAsync("Your next action: Approve: Council approval · Due 18 Jul 2005");
        await Accessibility.AssertInSightAsync(page, next);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();

        // The alderman cannot act on it: the page says what the process waits for, and from whom.
        page = await browser.SignedInAsync("alderman.san-juan", phone);
        await page.GotoAsync("/districts/san-juan");
        next = page.Locator("#progress .next-action");
        await Assertions.Expect(next).ToContainTextAsync("El proceso espera:");
        await Assertions.Expect(next).ToContainTextAsync("Aprobación por el concejo municipal (Alcalde)");
        await Accessibility.AssertInSightAsync(page, next);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Rejecting_a_gate_needs_a_reason_then_a_confirmation()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Rechazo"));
        var page = await browser.SignedInAsync(district.MayorName, phone: true, password: TestDistrict.AccountPassword);
        await page.GotoAsync($"/districts/{district.Slug}");
        var gate = page.Locator("#gate-preparatory");
        // Reject sits in its own area, away from Approve, which is disabled while steps are missing and looks it.
        await Assertions.Expect(gate.GetByRole(AriaRole.Button, new() { Name = "Aprobar la etapa" })).ToBeDisabledAsync();
        var disabledColour = await gate.GetByRole(AriaRole.Button, new() { Name = "Aprobar la etapa" }).EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.NotEqual("rgb(11, 110, 138)", disabledColour); // not the accent of an active button

        await gate.Locator("details.other-actions summary").ClickAsync();
        await gate.GetByRole(AriaRole.Button, new() { Name = "Rechazar la etapa" }).ClickAsync();
        Assert.EndsWith("#gate-preparatory", page.Url);
        var summary = gate.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Hay un problema");
        await Assertions.Expect(summary.Locator("a")).ToHaveAttributeAsync("href", "#gate-reason-preparatory");
        await Assertions.Expect(summary.Locator("a")).ToHaveTextAsync("Motivo: Este dato es obligatorio.");
        await Assertions.Expect(gate.Locator(".confirm")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.FillAsync("#gate-reason-preparatory", "Faltan las actas de los talleres.");
        await gate.GetByRole(AriaRole.Button, new() { Name = "Rechazar la etapa" }).ClickAsync();
        var confirm = gate.Locator(".confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("¿Rechazar la etapa «Etapa preparatoria»?");
        await Assertions.Expect(confirm).ToContainTextAsync("Motivo: Faltan las actas de los talleres.");
        Assert.Empty((await district.ProcessAsync()).Stage("preparatory").GetProperty("gate").GetProperty("rejections").EnumerateArray());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);

        await confirm.GetByRole(AriaRole.Link, new() { Name = "Cancelar" }).ClickAsync();
        await Assertions.Expect(gate.Locator(".confirm")).ToHaveCountAsync(0);
        Assert.Empty((await district.ProcessAsync()).Stage("preparatory").GetProperty("gate").GetProperty("rejections").EnumerateArray());

        await gate.Locator("details.other-actions summary").ClickAsync();
        await page.FillAsync("#gate-reason-preparatory", "Faltan las actas de los talleres.");
        await gate.GetByRole(AriaRole.Button, new() { Name = "Rechazar la etapa" }).ClickAsync();
        await gate.Locator(".confirm").GetByRole(AriaRole.Button, new() { Name = "Sí, rechazar" }).ClickAsync();
        await page.WaitForURLAsync($"**/districts/{district.Slug}#gate-preparatory");
        await Assertions.Expect(gate).ToContainTextAsync($"Rechazada por {district.MayorName}");
        var rejection = (await district.ProcessAsync()).Stage("preparatory").GetProperty("gate").GetProperty("rejections")[0];
        Assert.Equal("Faltan las actas de los talleres.", rejection.Str("reason"));
    }

    [Fact]
    public async Task A_rejected_evidence_form_comes_back_with_an_error_summary_and_dates_read_as_typed()
    {
        var district = await TestDistrict.CreateAsync(browser.Host, TestDistrict.UniqueName("Fechas"), recordGateFacts: false);
        var page = await browser.SignedInAsync("coordinator", phone: true);
        await page.GotoAsync($"/districts/{district.Slug}");
        var step = page.Locator("#step-methodology");
        await step.Locator("summary", new() { HasText = "Registrar" }).ClickAsync();
        await page.FillAsync("#methodology-workshopsHeld", "2");
        await page.FillAsync("#methodology-workshopDates", "12/01/2026\n32/13/2026");
        await step.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();

        Assert.EndsWith("#step-methodology", page.Url);
        var summary = step.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        var link = summary.Locator("a[href='#methodology-workshopDates']");
        await Assertions.Expect(link).ToHaveTextAsync("Fechas de los talleres: Escriba una fecha por línea, como 18/07/2005 o 2005-07-18.");
        await Assertions.Expect(page.Locator("#methodology-workshopDates")).ToHaveValueAsync("12/01/2026\n32/13/2026");
        await Accessibility.AssertInSightAsync(page, summary);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertNoSidewaysScrollAsync(page);
        await BrowserHost.ScreenshotAsync(page, "process-evidence-error-summary-360");
        Assert.Equal("ready", (await district.ProcessAsync()).Step("methodology").Str("status"));

        await page.FillAsync("#methodology-workshopDates", "12/01/2026\n20/1/2026");
        await step.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();
        await page.WaitForURLAsync($"**/districts/{district.Slug}#step-methodology");
        var dates = (await district.ProcessAsync()).Step("methodology").GetProperty("evidence").GetProperty("workshopDates");
        Assert.Equal(["2026-01-12", "2026-01-20"], dates.EnumerateArray().Select(d => d.GetString()!));
        await step.Locator("summary", new() { HasText = "Evidencia" }).ClickAsync();
        await Assertions.Expect(step.Locator("dd").Nth(1)).ToHaveTextAsync("12/01/2026, 20/01/2026");

        // In English, dates are typed as English speakers write them, or as yyyy-MM-dd.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        step = page.Locator("#step-induction");
        await step.Locator("summary", new() { HasText = "Record" }).ClickAsync();
        await page.FillAsync("#induction-meetingDates", "9 Feb 2026\n2026-02-16");
        await page.CheckAsync("#induction-mayorAttended");
        await page.FillAsync("#induction-aldermenAttended", "4");
        await page.FillAsync("#induction-officialsAttended", "3");
        await step.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await page.WaitForURLAsync($"**/districts/{district.Slug}#step-induction");
        dates = (await district.ProcessAsync()).Step("induction").GetProperty("evidence").GetProperty("meetingDates");
        Assert.Equal(["2026-02-09", "2026-02-16"], dates.EnumerateArray().Select(d => d.GetString()!));
    }

    /// <summary>Issue 16, point 6: a council resolution dated before its step was ready is refused, naming the field and the earliest date.</summary>
    [Theory]
    [InlineData("es", false, "Aprobar", "Fecha de la resolución: No puede ser anterior al {0}", "dd/MM/yyyy")]
    [InlineData("en", true, "Approve", "Resolution date: It cannot be before {0}", "d MMM yyyy")]
    public async Task A_council_resolution_dated_before_its_step_was_ready_is_refused_with_the_earliest_date(string language, bool phone,
        string approve, string refusal, string pattern)
    {
        var mayor = await browser.Host.LoginAsync("mayor.llacanora");
        var presented = (await mayor.ProcessAsync("llacanora")).Step("plan-presentation").GetProperty("outcome").GetProperty("at").GetDateTimeOffset();
        var earliest = DateOnly.FromDateTime(presented.ToOffset(TimeSpan.FromHours(-5)).DateTime); // the step waits for the presentation
        var page = await FormPages.SignedInAsync(browser, "mayor.llacanora", language, phone);
        await page.GotoAsync("/districts/llacanora");
        var step = page.Locator("#step-council-resolution");
        await step.Locator("summary", new() { HasText = approve }).ClickAsync();
        await page.FillAsync("#council-resolution-resolutionNumber", "RC 7-2026-MDLL/CM");
        await page.FillAsync("#council-resolution-resolutionDate", earliest.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await step.GetByRole(AriaRole.Button, new() { Name = approve, Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#step-council-resolution$"));
        var shown = string.Format(refusal, earliest.ToString(pattern, language == "es" ? new System.Globalization.CultureInfo("es-PE") : new System.Globalization.CultureInfo("en")));
        await Assertions.Expect(step.Locator(".error-summary a[href='#council-resolution-resolutionDate']")).ToContainTextAsync(shown);
        await Assertions.Expect(step.Locator(".field-error").First).ToBeVisibleAsync();
        await FormPages.AssertUsableAsync(page);
        Assert.Equal("ready", (await mayor.ProcessAsync("llacanora")).Step("council-resolution").Str("status"));
        await page.Context.CloseAsync();
    }
}
