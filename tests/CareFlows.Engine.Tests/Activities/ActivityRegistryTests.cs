using CareFlows.Engine.Activities;

namespace CareFlows.Engine.Tests.Activities;

public class ActivityRegistryTests
{
    private readonly ActivityRegistry _registry = ActivityRegistry.CreateDefault();

    [Theory]
    [InlineData("Elsa.Start")]
    [InlineData("Elsa.End")]
    [InlineData("Elsa.Finish")]
    [InlineData("Elsa.WriteLine")]
    [InlineData("Elsa.SetVariable")]
    [InlineData("Elsa.SetName")]
    [InlineData("Elsa.Correlate")]
    [InlineData("Elsa.SetOutput")]
    [InlineData("Elsa.Fault")]
    [InlineData("Elsa.FlowDecision")]
    [InlineData("Elsa.FlowSwitch")]
    [InlineData("Elsa.FlowFork")]
    [InlineData("Elsa.FlowJoin")]
    [InlineData("Elsa.FlowNode")]
    [InlineData("Elsa.Delay")]
    [InlineData("Elsa.StartAt")]
    [InlineData("Elsa.Timer")]
    [InlineData("Elsa.Cron")]
    [InlineData("Elsa.Event")]
    [InlineData("Elsa.PublishEvent")]
    [InlineData("Elsa.RunTask")]
    [InlineData("CareFlows.HumanTask")]
    public void Every_activity_has_a_described_descriptor(string typeName)
    {
        var descriptor = _registry.Find(typeName);

        Assert.NotNull(descriptor);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Category));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
        Assert.All(descriptor.Inputs, i => Assert.False(string.IsNullOrWhiteSpace(i.Description), $"{typeName}.{i.Name} has no description"));
    }

    [Fact]
    public void Descriptors_carry_input_types_ui_hints_defaults_and_outcomes()
    {
        var decision = _registry.Find("Elsa.FlowDecision")!;
        var delay = _registry.Find("Elsa.Delay")!;
        var join = _registry.Find("Elsa.FlowJoin")!;
        var task = _registry.Find("CareFlows.HumanTask")!;

        Assert.Equal(["True", "False"], decision.Outcomes);
        Assert.Equal(("condition", "Boolean", "code"), (decision.Inputs[0].Name, decision.Inputs[0].TypeName, decision.Inputs[0].UIHint));
        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Single(delay.Inputs).DefaultValue);
        Assert.Equal(["WaitAny", "WaitAll", "WaitAllActive"], join.Inputs[0].Options);
        Assert.Equal("outcomes", task.DynamicOutcomesInput);
        Assert.Contains(task.Outputs, o => o.Name == "result");
        Assert.True(_registry.Find("Elsa.Cron")!.IsTrigger);
        Assert.Empty(_registry.Find("Elsa.End")!.Outcomes);
    }

    [Fact]
    public void Generic_type_names_find_their_activity()
    {
        Assert.Equal("Elsa.SetVariable", _registry.Find("Elsa.SetVariable<String>")!.TypeName);
    }
}
