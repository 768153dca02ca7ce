using Propilas.Host.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Propilas.Workflows;

namespace Propilas.Host.WaterBoards;

/// <summary>
/// Facts of a water board to set: every field left null keeps its value (on a new board, its default: no, 0, none).
/// The same shape adds a board, updates one, and carries what a visit observed.
/// </summary>
/// <param name="LastReplacementDepositMonth">The month of the last deposit to the replacement fund, <c>yyyy-MM</c>.</param>
public record WaterBoardChanges(
    string? Name = null,
    string? Locality = null,
    string? WaterSystem = null,
    bool? LegallyConstituted = null,
    bool? AomTrained = null,
    bool? HasOmPlan = null,
    bool? Chlorinates = null,
    DateOnly? LastTariffReviewOn = null,
    decimal? LoanInstallmentAmount = null,
    int? LoanInstallmentsDue = null,
    int? LoanInstallmentsPaid = null,
    bool? HasReplacementFund = null,
    string? LastReplacementDepositMonth = null,
    decimal? AnnualTariffRevenue = null,
    decimal? AnnualOmCost = null,
    decimal? AnnualDebtService = null,
    decimal? AnnualReplacementProvision = null)
{
    public const int MaxName = 160;
    public const string MonthFormat = "yyyy-MM";

    /// <summary>Field errors keyed by the request's (camelCase) names, each with <paramref name="prefix"/> in front.</summary>
    public Dictionary<string, string[]> Validate(DateOnly today, bool isNew, string prefix = "")
    {
        var checks = new Checks();
        Text("name", Name);
        Text("locality", Locality);
        Text("waterSystem", WaterSystem);
        if (LastTariffReviewOn > today) checks.Add(prefix + "lastTariffReviewOn", "must not be in the future");
        Number("loanInstallmentAmount", LoanInstallmentAmount, Bounds.Money);
        Number("loanInstallmentsDue", LoanInstallmentsDue, Bounds.Count);
        Number("loanInstallmentsPaid", LoanInstallmentsPaid, Bounds.Count);
        if (LastReplacementDepositMonth is not null)
        {
            if (ParseMonth(LastReplacementDepositMonth) is not { } month) checks.Add(prefix + "lastReplacementDepositMonth", $"must be a month as {MonthFormat}");
            else if (month > new DateOnly(today.Year, today.Month, 1)) checks.Add(prefix + "lastReplacementDepositMonth", "must not be in the future");
        }
        Number("annualTariffRevenue", AnnualTariffRevenue, Bounds.Money);
        Number("annualOmCost", AnnualOmCost, Bounds.Money);
        Number("annualDebtService", AnnualDebtService, Bounds.Money);
        Number("annualReplacementProvision", AnnualReplacementProvision, Bounds.Money);
        return checks.Errors;

        void Number(string field, decimal? value, decimal max)
        {
            if (value < 0) checks.Add(prefix + field, "must not be negative");
            else checks.NotAbove(prefix + field, value, max);
        }

        // A field left out of a change keeps its value; one sent must not be empty.
        void Text(string field, string? value)
        {
            if (value is null) { if (isNew) checks.Add(prefix + field, "is required"); }
            else if (string.IsNullOrWhiteSpace(value)) checks.Add(prefix + field, "must not be empty");
            else checks.Text(prefix + field, value, MaxName);
        }
    }

    /// <summary>Sets the given facts on the board; returns the fields that changed, with their old and new values.</summary>
    public (JsonObject Before, JsonObject After) ApplyTo(WaterBoard board)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        Text("name", Name, board.Name, v => board.Name = v);
        Text("locality", Locality, board.Locality, v => board.Locality = v);
        Text("waterSystem", WaterSystem, board.WaterSystem, v => board.WaterSystem = v);
        Value("legallyConstituted", LegallyConstituted, board.LegallyConstituted, v => board.LegallyConstituted = v);
        Value("aomTrained", AomTrained, board.AomTrained, v => board.AomTrained = v);
        Value("hasOmPlan", HasOmPlan, board.HasOmPlan, v => board.HasOmPlan = v);
        Value("chlorinates", Chlorinates, board.Chlorinates, v => board.Chlorinates = v);
        Value("lastTariffReviewOn", LastTariffReviewOn, board.LastTariffReviewOn, v => board.LastTariffReviewOn = v);
        Value("loanInstallmentAmount", LoanInstallmentAmount, board.LoanInstallmentAmount, v => board.LoanInstallmentAmount = v);
        Value("loanInstallmentsDue", LoanInstallmentsDue, board.LoanInstallmentsDue, v => board.LoanInstallmentsDue = v);
        Value("loanInstallmentsPaid", LoanInstallmentsPaid, board.LoanInstallmentsPaid, v => board.LoanInstallmentsPaid = v);
        Value("hasReplacementFund", HasReplacementFund, board.HasReplacementFund, v => board.HasReplacementFund = v);
        Value("lastReplacementDepositMonth", LastReplacementDepositMonth is null ? null : ParseMonth(LastReplacementDepositMonth),
            board.LastReplacementDepositMonth, v => board.LastReplacementDepositMonth = v);
        Value("annualTariffRevenue", AnnualTariffRevenue, board.AnnualTariffRevenue, v => board.AnnualTariffRevenue = v);
        Value("annualOmCost", AnnualOmCost, board.AnnualOmCost, v => board.AnnualOmCost = v);
        Value("annualDebtService", AnnualDebtService, board.AnnualDebtService, v => board.AnnualDebtService = v);
        Value("annualReplacementProvision", AnnualReplacementProvision, board.AnnualReplacementProvision, v => board.AnnualReplacementProvision = v);
        return (before, after);

        void Text(string field, string? value, string current, Action<string> assign)
        {
            if (value is null || value.Trim() == current) return;
            before[field] = current;
            after[field] = value.Trim();
            assign(value.Trim());
        }

        void Value<T>(string field, T? value, T? current, Action<T> assign) where T : struct
        {
            if (value is not { } v || EqualityComparer<T?>.Default.Equals(v, current)) return;
            before[field] = ToNode(current);
            after[field] = ToNode(v);
            assign(v);
        }
    }

    public static DateOnly? ParseMonth(string text) =>
        DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    public static string? FormatMonth(DateOnly? month) => month?.ToString(MonthFormat, CultureInfo.InvariantCulture);

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        decimal m => JsonValue.Create(m),
        _ => JsonValue.Create(value.ToString()),
    };
}
