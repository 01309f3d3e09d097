using CareFlows.Engine.Execution;

namespace CareFlows.Server.Runtime;

/// <summary>An instance a burst scope works on: its state and the stored revision its change set must commit over.</summary>
internal sealed class InstanceSlot(CompiledWorkflow workflow, WorkflowState state, long revision, bool isNew)
{
    public CompiledWorkflow Workflow => workflow;

    public WorkflowState State => state;

    /// <summary>The stored revision the scope loaded; 0 for an instance it created.</summary>
    public long Revision => revision;

    public bool IsNew => isNew;

    /// <summary>True once a burst ran on the instance in this scope.</summary>
    public bool Changed { get; set; }

    public string Id => state.Id;
}
