using System.Text.Json;
using Propilas.Workflows.Runtime;

namespace Propilas.Workflows.Tests.Support;

public static class Actors
{
    public static readonly Actor Coordinator = Actor.Of("ana.coordinator", "coordinator");
    public static readonly Actor Mayor = Actor.Of("mayor.utco", "mayor");
    public static readonly Actor Alderman = Actor.Of("alderman.utco", "alderman");

    public static Actor For(string role) => role switch
    {
        "coordinator" => Coordinator,
        "mayor" => Mayor,
        "alderman" => Alderman,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Asserts the transition succeeded and returns the new state.</summary>
    public static WorkflowInstance Ok(this Transition t)
    {
        Assert.True(t.Succeeded, $"expected success, got {t.Error}");
        Assert.NotNull(t.Entry);
        return t.Instance!;
    }

    /// <summary>Asserts the transition failed with <paramref name="kind"/> and returns the error.</summary>
    public static WorkflowError Fails(this Transition t, WorkflowErrorKind kind)
    {
        Assert.False(t.Succeeded, "expected a failure");
        Assert.Null(t.Instance);
        Assert.Null(t.Entry);
        Assert.Equal(kind, t.Error!.Kind);
        return t.Error;
    }

    /// <summary>The whole state as JSON, to prove an instance was not changed.</summary>
    public static string Snapshot(WorkflowInstance i) => JsonSerializer.Serialize(i);
}
