using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Primitives;

[Activity("Elsa", "SetOutput", Category = "Primitives", DisplayName = "Set Output", Description = "Sets one of the workflow's outputs.")]
public sealed class SetOutput : CodeActivity
{
    [Input(Description = "The output's name.", Required = true)]
    public Input<string> OutputName { get; } = new();

    [Input(Description = "The output's value.")]
    public Input<object> OutputValue { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        var name = context.Get(OutputName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FaultException("Set Output needs an output name.", code: null, category: null);
        }

        context.SetWorkflowOutput(name, context.Get(OutputValue));
    }
}
