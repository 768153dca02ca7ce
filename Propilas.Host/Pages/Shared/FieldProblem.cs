namespace Propilas.Host.Pages.Shared;

/// <summary>
/// One problem of a submitted form, already in the page's language: the id of the field it concerns (the target
/// of the error summary's link) and what is wrong with it.
/// </summary>
public sealed record FieldProblem(string FieldId, string Message);
