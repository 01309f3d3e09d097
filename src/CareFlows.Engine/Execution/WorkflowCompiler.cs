using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Execution;

/// <summary>Turns a definition into a <see cref="CompiledWorkflow"/>, or lists every reason it cannot run.</summary>
public sealed class WorkflowCompiler(ActivityRegistry registry, ExpressionCompiler expressions)
{
    /// <summary>Compiles a definition. Unknown activity types, bad expressions and broken connections are errors.</summary>
    public CompilationResult Compile(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<CompilationError>();
        if (definition.Flowchart is not { } flowchart)
        {
            errors.Add(new CompilationError("$.root.type", $"Only Elsa.Flowchart roots can run; this root is {definition.Root.Type}.", CompilationErrorCode.UnsupportedRoot));
            return new CompilationResult(null, errors);
        }

        var variableDefinitions = definition.AllVariables.ToList();
        var context = new ExpressionCompilationContext(variableDefinitions);
        var variables = CompileVariables(definition, errors);
        var nodes = new List<ActivityNode>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < flowchart.Activities.Count; i++)
        {
            if (!ids.Add(flowchart.Activities[i].Id))
            {
                errors.Add(new CompilationError($"$.root.activities[{i}].id", $"Activity id '{flowchart.Activities[i].Id}' is used by more than one activity.", CompilationErrorCode.InvalidSetting));
            }

            var node = CompileActivity(flowchart.Activities[i], $"$.root.activities[{i}]", nodes.Count, context, errors);
            if (node is not null)
            {
                nodes.Add(node);
            }
        }

        var connections = ConnectionGraph.Build(flowchart, nodes, errors);
        if (nodes.Count == 0)
        {
            errors.Add(new CompilationError("$.root.activities", "The flowchart has no activities, so there is nothing to start.", CompilationErrorCode.NoStartActivity));
        }
        else if (flowchart.Start is { } start && !nodes.Exists(n => n.Id == start))
        {
            errors.Add(new CompilationError("$.root.start", $"The start activity '{start}' does not exist.", CompilationErrorCode.NoStartActivity));
        }

        return errors.Count > 0
            ? new CompilationResult(null, errors)
            : new CompilationResult(new CompiledWorkflow(definition, [.. nodes], connections, variables), errors);
    }

    /// <summary>
    /// One activity of the definition compiled on its own, so its configured outcomes can be asked for;
    /// null when its type is unknown or its settings do not compile.
    /// </summary>
    internal Activity? TryCompileActivity(WorkflowDefinition definition, ActivityDefinition activity)
    {
        var errors = new List<CompilationError>();
        var node = CompileActivity(activity, "$", 0, new ExpressionCompilationContext([.. definition.AllVariables]), errors);
        return errors.Count == 0 ? node?.Activity : null;
    }

    private ActivityNode? CompileActivity(ActivityDefinition definition, string path, int index, ExpressionCompilationContext context, List<CompilationError> errors)
    {
        var descriptor = registry.Find(definition.Type);
        if (descriptor is null)
        {
            errors.Add(new CompilationError($"{path}.type", $"Activity '{definition.DisplayName}' has type '{definition.Type}', which CareFlows does not know; the definition cannot run until that type is available.", CompilationErrorCode.UnknownActivityType));
            return null;
        }

        var activity = descriptor.Factory();
        // Inputs without a property are structures the activity reads itself in Configure.
        foreach (var input in descriptor.Inputs.Where(i => i.Property is not null))
        {
            var key = definition.FindPropertyKey(input.Name);
            var inputDefinition = key is null ? null : InputDefinition.From(definition.Properties[key]);
            if (inputDefinition is null)
            {
                continue;
            }

            var binding = (IInput)input.Property!.GetValue(activity)!;
            try
            {
                binding.Bind(expressions.Compile(inputDefinition.Expression, binding.ValueType, context));
            }
            // A literal the input's type cannot hold is as wrong as an expression that does not parse.
            catch (Exception e) when (e is ExpressionSyntaxException or ValueConversionException)
            {
                errors.Add(new CompilationError($"{path}.{key}.expression", $"Input '{input.Name}' of '{definition.DisplayName}': {e.Message}", CompilationErrorCode.InvalidExpression));
            }
        }

        foreach (var output in descriptor.Outputs)
        {
            if (definition.GetOutputVariableId(output.Name) is { } variableId && context.FindVariable(variableId) is { } variable)
            {
                ((IOutput)output.Property.GetValue(activity)!).Bind(variable.Name);
            }
        }

        activity.Configure(new ActivityConfiguration(definition, path, expressions, context, errors));
        return new ActivityNode
        {
            Index = index,
            Id = definition.Id,
            Type = descriptor.TypeName,
            DisplayName = definition.DisplayName,
            Definition = definition,
            Descriptor = descriptor,
            Activity = activity,
        };
    }

    private static List<VariableSlot> CompileVariables(WorkflowDefinition definition, List<CompilationError> errors)
    {
        var slots = new List<VariableSlot>();
        foreach (var (variables, path) in new[] { (definition.Variables, "$.variables"), (definition.Flowchart?.Variables, "$.root.variables") })
        {
            var index = 0;
            foreach (var variable in variables ?? [])
            {
                var at = $"{path}[{index++}]";
                if (!TypeAliases.TryResolve(variable.TypeName, out var type))
                {
                    errors.Add(new CompilationError($"{at}.typeName", $"Variable '{variable.Name}' has type '{variable.TypeName}', which CareFlows does not know.", CompilationErrorCode.InvalidSetting));
                    continue;
                }

                if (variable.IsArray == true && !type.IsArray)
                {
                    type = type.MakeArrayType();
                }

                object? value = null;
                try
                {
                    value = variable.Value is null || (type != typeof(string) && ValueConverter.ToText(variable.Value) is "")
                        ? ValueConverter.Convert(null, type)
                        : ValueConverter.Convert(variable.Value, type);
                }
                catch (ValueConversionException e)
                {
                    errors.Add(new CompilationError($"{at}.value", $"Variable '{variable.Name}': {e.Message}", CompilationErrorCode.InvalidSetting));
                }

                slots.Add(new VariableSlot(variable.Name, variable.Id, type, value, type != typeof(object)));
            }
        }

        return slots;
    }
}

/// <summary>The compiled workflow, or the errors that stop it from running.</summary>
public sealed record CompilationResult(CompiledWorkflow? Workflow, IReadOnlyList<CompilationError> Errors)
{
    public bool Succeeded => Workflow is not null;

    /// <summary>The compiled workflow; throws with every error listed when compilation failed.</summary>
    public CompiledWorkflow GetWorkflowOrThrow() =>
        Workflow ?? throw new WorkflowCannotRunException(Errors);
}

/// <summary>A definition cannot run; <see cref="Errors"/> lists why, each with its JSON path.</summary>
public sealed class WorkflowCannotRunException : Exception
{
    public WorkflowCannotRunException(IReadOnlyList<CompilationError> errors)
        : base("The workflow cannot run: " + string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")))
    {
        Errors = errors;
    }

    public WorkflowCannotRunException()
        : this([])
    {
    }

    public WorkflowCannotRunException(string message)
        : base(message)
    {
        Errors = [];
    }

    public WorkflowCannotRunException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [];
    }

    public IReadOnlyList<CompilationError> Errors { get; }
}
