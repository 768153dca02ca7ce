using Microsoft.AspNetCore.Http.HttpResults;
using Propilas.Workflows.Runtime;

namespace Propilas.Host.Common;

/// <summary>Errors as RFC 9457 problem details, with what the caller needs to fix them.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404, title: "Not found");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: 403, title: "Forbidden");

    public static ProblemHttpResult Conflict(string detail, string reason, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["reason"] = reason };
        return TypedResults.Problem(detail, statusCode: 409, title: "Conflict", extensions: ext);
    }

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string detail) =>
        TypedResults.ValidationProblem(errors, detail, title: "Invalid request");

    public static IResult From(WorkflowError error) => error.Kind switch
    {
        WorkflowErrorKind.NotFound => NotFound(error.Message),
        WorkflowErrorKind.Forbidden => Forbidden(error.Message),
        WorkflowErrorKind.InvalidEvidence => Invalid(error.FieldErrors!.ToDictionary(), error.Message),
        WorkflowErrorKind.NotReady => Conflict(error.Message, "not-ready"),
        WorkflowErrorKind.GateConditionsUnmet => Conflict(error.Message, "gate-conditions-unmet",
            new Dictionary<string, object?>
            {
                ["unmetConditions"] = error.UnmetConditions!.Select(u => new { conditionId = u.ConditionId, message = u.Message }).ToList(),
            }),
        WorkflowErrorKind.StepConditionsUnmet => Conflict(error.Message, "step-conditions-unmet",
            new Dictionary<string, object?>
            {
                ["unmetConditions"] = error.UnmetConditions!.Select(u => new { conditionId = u.ConditionId, message = u.Message }).ToList(),
            }),
        WorkflowErrorKind.Conflict => Conflict(error.Message, "stale"),
        _ => TypedResults.Problem(error.Message),
    };
}
