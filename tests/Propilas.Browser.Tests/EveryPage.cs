namespace Propilas.Browser.Tests;

/// <summary>Every page of the site, with a person who may open it (seeded pilots, read only).</summary>
public static class EveryPage
{
    public static readonly (string User, string Path)[] All =
    [
        ("coordinator", "/portfolio"),
        ("coordinator", "/portfolio/new"),
        ("coordinator", "/districts/tacabamba"),
        ("mayor.san-juan", "/districts/san-juan"),
        ("alderman.llacanora", "/districts/llacanora"),
        ("alderman.llacanora", "/districts/llacanora/invitations"),
        ("alderman.llacanora", "/districts/llacanora/commitments"),
        ("alderman.llacanora", "/districts/llacanora/committee"),
        ("alderman.llacanora", "/districts/llacanora/plan"),
        ("atm.tacabamba", "/districts/tacabamba/water-boards"),
        ("mayor.lajas", "/districts/lajas/obligations"),
        ("coordinator", "/districts/san-juan/diagnosis"),
        ("coordinator", "/districts/san-juan/investment-plan"),
        ("coordinator", "/investment-plan"),
        ("mayor.utco", "/districts/utco/strategic-plan"),
        ("mayor.san-juan", "/work"),
        ("alderman.lajas", "/work"),
        ("atm.tacabamba", "/work"),
        ("health-post.utco", "/work"),
        ("coordinator", "/alerts"),
        ("atm.tacabamba", "/districts/tacabamba/alerts"),
        ("mayor.llacanora", "/districts/llacanora/investment-plan?municipalSharePct=20"),
        ("atm.tacabamba", "/calculators"),
        ("atm.tacabamba", "/calculators/tariff?use=commercial&fx-flush-toilet=1&fx-kitchen-faucet=2"),
        ("health-post.utco", "/calculators/loan?systemCost=12000000&downPayment=600000&annualRatePct=6&years=10"),
        ("coordinator", "/portfolio/accounts?district=utco"),
        ("coordinator", "/outbox"),
        ("health-post.utco", "/profile"),
    ];

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var (user, path) in All) data.Add(user, path);
        return data;
    }
}
