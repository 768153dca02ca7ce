namespace Propilas.Host.Pages.Outbox;

/// <summary>Marker for the outbox page texts (<c>Resources/Pages.Outbox.OutboxTexts.*.resx</c>).</summary>
public sealed class OutboxTexts;
