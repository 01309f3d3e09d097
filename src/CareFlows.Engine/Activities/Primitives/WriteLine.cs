using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Primitives;

[Activity("Elsa", "WriteLine", Category = "Primitives", Description = "Writes a line of text to the instance log.")]
public sealed class WriteLine : CodeActivity
{
    [Input(Description = "The text to write.")]
    public Input<string> Text { get; } = new();

    protected override void Execute(ActivityExecutionContext context) => context.WriteLine(context.Get(Text));
}
