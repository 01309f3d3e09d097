using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities;

/// <summary>
/// A designer generated from the descriptors can configure every activity only if each descriptor lists every input
/// its activity reads: its expression properties and whatever its Configure reads from the definition.
/// </summary>
public class ActivityDescriptorTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.CreateDefault();
    private static readonly ExpressionCompiler Expressions = DefaultExpressionSyntaxes.CreateCompiler();

    // Values of every shape a property may hold, so that reads made only for some shapes are found too.
    private static readonly JsonNode[] Samples =
    [
        JsonValue.Create("x"),
        new JsonArray(new JsonObject { ["label"] = "x", ["condition"] = true }),
        new JsonObject { ["id"] = "x", ["name"] = "x" },
        new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "x" } },
    ];

    public static TheoryData<string> ActivityTypes => [.. Registry.Descriptors.Select(d => d.TypeName)];

    [Theory]
    [MemberData(nameof(ActivityTypes))]
    public void Every_input_property_of_an_activity_is_described(string typeName)
    {
        var descriptor = Registry.Find(typeName)!;

        var properties = descriptor.ClrType.GetProperties()
            .Where(p => typeof(IInput).IsAssignableFrom(p.PropertyType))
            .Select(p => ActivityRegistry.CamelCase(p.Name));

        Assert.Empty(properties.Except(Names(descriptor), StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ActivityTypes))]
    public void Every_property_an_activity_reads_when_configured_is_described(string typeName)
    {
        var descriptor = Registry.Find(typeName)!;

        var read = PropertiesReadByConfigure(descriptor);

        Assert.Empty(read.Except(Names(descriptor), StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ActivityTypes))]
    public void The_input_that_adds_outcomes_is_described(string typeName)
    {
        var descriptor = Registry.Find(typeName)!;

        if (descriptor.DynamicOutcomesInput is { } input)
        {
            Assert.Contains(input, Names(descriptor));
        }
    }

    [Fact]
    public void Structures_read_when_configured_are_described_with_their_editor()
    {
        var variable = Registry.Find("Elsa.SetVariable")!.Inputs[0];
        var cases = Registry.Find("Elsa.FlowSwitch")!.Inputs[0];

        Assert.Equal(("variable", "Variable", UIHints.VariablePicker, true), (variable.Name, variable.TypeName, variable.UIHint, variable.Required));
        Assert.Equal(("cases", "FlowSwitchCase[]", UIHints.Cases, false), (cases.Name, cases.TypeName, cases.UIHint, cases.Required));
        Assert.All([variable, cases], i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
        Assert.Equal(["variable", "value"], Registry.Find("Elsa.SetVariable")!.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void A_required_input_the_activity_reads_itself_is_reported_by_the_activity_not_as_an_unset_expression()
    {
        var set = Flows.Activity("set", "Elsa.SetVariable", ("value", "Int32", 1));
        set["variable"] = Flows.Variable("Count", "Int32", "0");

        var report = WorkflowEngine.CreateDefault().Validate(Flows.Flowchart([set], [], [Flows.Variable("Count", "Int32", "0")]));

        Assert.DoesNotContain(report.Problems, p => p.Path.EndsWith(".variable", StringComparison.Ordinal));
    }

    private static HashSet<string> Names(ActivityDescriptor descriptor) =>
        descriptor.Inputs.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Runs the activity's Configure on an empty definition, then on definitions that set every property read so far
    /// and every described input to each sample, until no new name is read.
    /// </summary>
    private static HashSet<string> PropertiesReadByConfigure(ActivityDescriptor descriptor)
    {
        var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        read.UnionWith(Configure(descriptor, new JsonObject()));
        int before;
        do
        {
            before = read.Count;
            var names = read.Union(Names(descriptor), StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var sample in Samples)
            {
                read.UnionWith(Configure(descriptor, new JsonObject(names.Select(n => KeyValuePair.Create(n, (JsonNode?)sample.DeepClone())))));
            }
        }
        while (read.Count > before);

        return read;
    }

    private static IReadOnlyCollection<string> Configure(ActivityDescriptor descriptor, JsonObject properties)
    {
        var definition = new ActivityDefinition { Id = "a", Type = descriptor.TypeName, Properties = properties };
        var variables = new ExpressionCompilationContext([new VariableDefinition { Id = "x", Name = "x", TypeName = "Object" }]);
        var configuration = new ActivityConfiguration(definition, "$.root.activities[0]", Expressions, variables, []);
        descriptor.Factory().Configure(configuration);
        return configuration.PropertiesRead;
    }
}
