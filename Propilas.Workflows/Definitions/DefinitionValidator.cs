namespace Propilas.Workflows.Definitions;

/// <summary>Cross-reference checks: duplicate ids, unknown roles and dependencies, cycles, missing gates.</summary>
public static class DefinitionValidator
{
    private static readonly System.Text.RegularExpressions.Regex IdPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$");

    public static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition d)
    {
        var errors = new List<DefinitionError>();
        if (d.Id.Value.Length > 0 && !IdPattern.IsMatch(d.Id.Value)) errors.Add(new("$.id", $"'{d.Id}' must be kebab-case"));
        if (d.Stages.Count == 0) errors.Add(new("$.stages", "a definition needs at least one stage"));
        var roles = d.Roles.ToHashSet();
        foreach (var duplicate in d.Roles.GroupBy(r => r).Where(g => g.Count() > 1))
            errors.Add(new("$.roles", $"role '{duplicate.Key}' listed twice"));

        var seenStages = new HashSet<StageId>();
        var stepPosition = new Dictionary<StepId, (int Stage, string Path)>();
        for (var s = 0; s < d.Stages.Count; s++)
        {
            var stage = d.Stages[s];
            var path = $"$.stages[{s}]";
            if (!seenStages.Add(stage.Id)) errors.Add(new($"{path}.id", $"duplicate stage id '{stage.Id}'"));
            else if (stage.Id.Value.Length > 0 && !IdPattern.IsMatch(stage.Id.Value)) errors.Add(new($"{path}.id", $"'{stage.Id}' must be kebab-case"));
            if (stage.Steps.Count == 0) errors.Add(new($"{path}.steps", "a stage needs at least one step"));
            foreach (var duplicate in stage.Gate.Conditions.GroupBy(c => c).Where(g => g.Count() > 1))
                errors.Add(new($"{path}.gate.conditions", $"condition '{duplicate.Key}' listed twice"));
            if (stage.Gate.ApproverRole.Length > 0 && !roles.Contains(stage.Gate.ApproverRole))
                errors.Add(new($"{path}.gate.approverRole", $"unknown role '{stage.Gate.ApproverRole}' (roles: {string.Join(", ", d.Roles)})"));

            for (var t = 0; t < stage.Steps.Count; t++)
            {
                var step = stage.Steps[t];
                var stepPath = $"{path}.steps[{t}]";
                if (stepPosition.ContainsKey(step.Id)) errors.Add(new($"{stepPath}.id", $"duplicate step id '{step.Id}'"));
                else
                {
                    if (step.Id.Value.Length > 0 && !IdPattern.IsMatch(step.Id.Value)) errors.Add(new($"{stepPath}.id", $"'{step.Id}' must be kebab-case"));
                    stepPosition[step.Id] = (s, stepPath);
                }
                if (step.Role.Length > 0 && !roles.Contains(step.Role))
                    errors.Add(new($"{stepPath}.role", $"unknown role '{step.Role}' (roles: {string.Join(", ", d.Roles)})"));
                foreach (var duplicate in step.Evidence.GroupBy(f => f.Name).Where(g => g.Count() > 1))
                    errors.Add(new($"{stepPath}.evidence", $"evidence field '{duplicate.Key}' defined twice"));
                foreach (var duplicate in step.Conditions.GroupBy(c => c).Where(g => g.Count() > 1))
                    errors.Add(new($"{stepPath}.conditions", $"condition '{duplicate.Key}' listed twice"));
            }
        }

        foreach (var (stepId, (stageIndex, stepPath)) in stepPosition)
        {
            var step = d.Stages[stageIndex].Steps.First(x => x.Id == stepId);
            for (var i = 0; i < step.DependsOn.Count; i++)
            {
                var dep = step.DependsOn[i];
                if (!stepPosition.TryGetValue(dep, out var target))
                    errors.Add(new($"{stepPath}.dependsOn[{i}]", $"unknown dependency '{dep}'"));
                else if (target.Stage > stageIndex)
                    errors.Add(new($"{stepPath}.dependsOn[{i}]", $"'{dep}' belongs to a later stage, so '{stepId}' could never be ready"));
                else if (target.Stage < stageIndex && !d.FindStep(dep)!.Required)
                    errors.Add(new($"{stepPath}.dependsOn[{i}]",
                        $"'{dep}' is optional and belongs to an earlier stage: if its stage closes without it, '{stepId}' could never be ready"));
            }
        }

        errors.AddRange(FindCycles(d, stepPosition));
        return errors;
    }

    private static IEnumerable<DefinitionError> FindCycles(WorkflowDefinition d, Dictionary<StepId, (int Stage, string Path)> positions)
    {
        var state = new Dictionary<StepId, int>(); // 0 new, 1 on the stack, 2 done
        var reported = new HashSet<StepId>();
        var stack = new List<StepId>();
        var errors = new List<DefinitionError>();

        void Visit(StepId id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var dep in d.FindStep(id)?.DependsOn ?? [])
            {
                if (!positions.ContainsKey(dep)) continue;
                var s = state.GetValueOrDefault(dep);
                if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(dep)).Append(dep).ToList();
                    // Report a cycle unless all of its steps are already named in a reported one.
                    // (The closing step appears twice in `cycle`, so this must not hinge on Add returning true.)
                    if (!cycle.All(reported.Contains))
                    {
                        reported.UnionWith(cycle);
                        errors.Add(new($"{positions[id].Path}.dependsOn", $"dependency cycle: {string.Join(" -> ", cycle)}"));
                    }
                }
                else if (s == 0) Visit(dep);
            }
            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in positions.Keys)
            if (state.GetValueOrDefault(id) == 0) Visit(id);
        return errors;
    }
}
