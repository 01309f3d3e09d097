namespace CareFlows.Engine.Execution;

/// <summary>Elsa's instance status: Running until the instance reaches a final sub-status.</summary>
public enum WorkflowStatus
{
    Running,
    Finished,
}

/// <summary>Elsa's instance sub-status.</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

/// <summary>Where one activity stands within an instance.</summary>
public enum ActivityStatus
{
    Pending,
    Running,
    Completed,
    Canceled,
    Faulted,
}
