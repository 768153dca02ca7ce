using Propilas.Host.Tests.PlanningPages;

namespace Propilas.Host.Tests.Accounts;

/// <summary>Pages say who did something by the person's name and position, and by the user name only when no name is recorded.</summary>
[Collection(SeededHostCollection.Name)]
public sealed class PersonNamesTests(SeededHost host)
{
    [Fact]
    public async Task The_process_page_names_who_recorded_each_step_by_name_and_position_or_else_by_user_name()
    {
        var d = await TestDistrict.CreateAsync(host, TestDistrict.UniqueName("Nombres"), recordGateFacts: false);
        await d.CompleteAsync("methodology", "induction", "mayor-support");
        var coordinator = await PageSession.SignInAsync(host, "coordinator");

        var page = await coordinator.GetAsync($"/districts/{d.Slug}");
        // The demo coordinator has a name and position; the test's mayor has neither yet.
        Assert.Contains("Registrado por Rosa Chávez Quispe, coordinadora regional del programa el", page);
        Assert.Contains($"Registrado por {d.MayorName} el", page);
        Assert.DoesNotContain("Registrado por coordinator el", page);

        var mayor = await PageSession.SignInAsync(host, d.MayorName, TestDistrict.AccountPassword);
        var profile = await mayor.GetAsync("/profile");
        using (var saved = await mayor.PostFormAsync("/profile", profile, new()
               {
                   ["FullName"] = "Julio Huamán Cercado", ["Position"] = "alcalde distrital", ["Language"] = "es",
               }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await coordinator.GetAsync($"/districts/{d.Slug}");
        Assert.Contains("Registrado por Julio Huamán Cercado, alcalde distrital el", page);
        Assert.DoesNotContain($"Registrado por {d.MayorName} el", page);
    }
}
