namespace Propilas.Rules.Calculations;

/// <summary>One rejected input value; <see cref="Field"/> is the camelCase name the HTTP API uses.</summary>
public sealed record InputError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
