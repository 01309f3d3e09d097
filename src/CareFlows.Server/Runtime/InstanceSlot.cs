using CareFlows.Engine.Execution;

namespace CareFlows.Server.Runtime;

/// <summary>An instance held by a batch: the state it works on and the revision it must commit over.</summary>
internal sealed class InstanceSlot(CompiledWorkflow workflow, WorkflowState state, long revision, bool isNew)
{
    public CompiledWorkflow Workflow => workflow;

    public WorkflowState State => state;

    /// <summary>The stored revision the batch loaded; 0 for an instance the batch created.</summary>
    public long Revision => revision;

    public bool IsNew => isNew;

    /// <summary>True once a burst ran on the instance in this batch.</summary>
    public bool Changed { get; set; }

    public string Id => state.Id;
}
