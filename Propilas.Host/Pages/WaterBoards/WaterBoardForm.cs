using System.Globalization;
using Propilas.Host.Pages.Localization;
using Propilas.Host.WaterBoards;

namespace Propilas.Host.Pages.WaterBoards;

/// <summary>
/// A board's facts as typed in a form (fields named <c>&lt;prefix&gt;&lt;field&gt;</c>, e.g. <c>f.annualOmCost</c>): kept as typed
/// so a rejected form shows them again, and read into <see cref="WaterBoardChanges"/> with an error per unreadable field.
/// </summary>
public sealed class WaterBoardForm
{
    public static readonly string[] Flags = ["legallyConstituted", "aomTrained", "hasOmPlan", "chlorinates", "hasReplacementFund"];
    public static readonly string[] Texts = ["name", "locality", "waterSystem"];
    public static readonly string[] Amounts = ["loanInstallmentAmount", "annualTariffRevenue", "annualOmCost", "annualDebtService", "annualReplacementProvision"];
    public static readonly string[] Counts = ["loanInstallmentsDue", "loanInstallmentsPaid"];
    public const string TariffReview = "lastTariffReviewOn";
    public const string DepositMonth = "lastReplacementDepositMonth";

    private readonly Dictionary<string, string> _values;

    private WaterBoardForm(Dictionary<string, string> values) => _values = values;

    public string this[string field] => _values.GetValueOrDefault(field, "");

    public bool Flag(string field) => this[field] == "true";

    public static WaterBoardForm Empty() => new([]);

    public static WaterBoardForm From(WaterBoardView b) => new(new Dictionary<string, string>
    {
        ["name"] = b.Name, ["locality"] = b.Locality, ["waterSystem"] = b.WaterSystem,
        ["legallyConstituted"] = Bool(b.LegallyConstituted), ["aomTrained"] = Bool(b.AomTrained), ["hasOmPlan"] = Bool(b.HasOmPlan),
        ["chlorinates"] = Bool(b.Chlorinates), ["hasReplacementFund"] = Bool(b.HasReplacementFund),
        [TariffReview] = Dates.ForInput(b.LastTariffReviewOn),
        [DepositMonth] = b.LastReplacementDepositMonth ?? "",
        ["loanInstallmentAmount"] = Number(b.LoanInstallmentAmount), ["loanInstallmentsDue"] = Number(b.LoanInstallmentsDue),
        ["loanInstallmentsPaid"] = Number(b.LoanInstallmentsPaid), ["annualTariffRevenue"] = Number(b.AnnualTariffRevenue),
        ["annualOmCost"] = Number(b.AnnualOmCost), ["annualDebtService"] = Number(b.AnnualDebtService),
        ["annualReplacementProvision"] = Number(b.AnnualReplacementProvision),
    });

    /// <summary>What was posted under <paramref name="prefix"/>. A checkbox posts "true" then its hidden "false"; unchecked, only "false".</summary>
    public static WaterBoardForm Read(IFormCollection form, string prefix) =>
        new(form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(k => k[prefix.Length..], k => form[k].FirstOrDefault()?.Trim() ?? ""));

    /// <summary>
    /// The facts to set. Blank numbers and dates are left as they are (on a new board: 0 and none); text fields always
    /// count, so a cleared name is refused by the validation rather than ignored. A number that cannot be read, or reads
    /// two ways ("3.500"), is refused with <paramref name="explain"/>'s message, in the page's language.
    /// </summary>
    public (WaterBoardChanges Changes, Dictionary<string, string[]> Errors) ToChanges(Func<NumberProblem, string> explain, string errorPrefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        bool? FlagOf(string field) => _values.ContainsKey(field) ? Flag(field) : null;
        string? TextOf(string field) => _values.TryGetValue(field, out var v) ? v : null;
        decimal? AmountOf(string field)
        {
            var reading = TypedNumbers.Read(this[field]);
            if (reading.Problem is { } problem) errors[errorPrefix + field] = [explain(problem)];
            return reading.Value;
        }
        int? CountOf(string field)
        {
            var reading = TypedNumbers.ReadWhole(this[field]);
            if (reading.Problem is { } problem) errors[errorPrefix + field] = [explain(problem)];
            return (int?)reading.Value;
        }
        DateOnly? reviewed = null;
        if (this[TariffReview].Length > 0)
        {
            if (Dates.TryReadInput(this[TariffReview], out var d)) reviewed = d;
            else errors[errorPrefix + TariffReview] = ["must be a date"];
        }

        var changes = new WaterBoardChanges(
            Name: TextOf("name"), Locality: TextOf("locality"), WaterSystem: TextOf("waterSystem"),
            LegallyConstituted: FlagOf("legallyConstituted"), AomTrained: FlagOf("aomTrained"), HasOmPlan: FlagOf("hasOmPlan"),
            Chlorinates: FlagOf("chlorinates"), LastTariffReviewOn: reviewed,
            LoanInstallmentAmount: AmountOf("loanInstallmentAmount"), LoanInstallmentsDue: CountOf("loanInstallmentsDue"),
            LoanInstallmentsPaid: CountOf("loanInstallmentsPaid"), HasReplacementFund: FlagOf("hasReplacementFund"),
            LastReplacementDepositMonth: this[DepositMonth].Length == 0 ? null : this[DepositMonth],
            AnnualTariffRevenue: AmountOf("annualTariffRevenue"), AnnualOmCost: AmountOf("annualOmCost"),
            AnnualDebtService: AmountOf("annualDebtService"), AnnualReplacementProvision: AmountOf("annualReplacementProvision"));
        return (changes, errors);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(decimal value) => TypedNumbers.ForInput(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
