namespace Propilas.Rules.Facts;

/// <summary>What an outcome is about, e.g. <c>water-board:42</c> or <c>district:san-juan</c>.</summary>
public sealed record RuleSubject(string Kind, string Key)
{
    public static RuleSubject WaterBoard(int id) => new("water-board", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static RuleSubject Invitation(int id) => new("invitation", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static RuleSubject Commitment(int id) => new("commitment", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static RuleSubject Obligation(int id) => new("obligation", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static RuleSubject District(string key) => new("district", key);

    public override string ToString() => $"{Kind}:{Key}";
}
