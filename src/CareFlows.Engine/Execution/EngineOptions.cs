using CareFlows.Engine.Calendar;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Execution;

/// <summary>Limits and settings of the workflow engine.</summary>
public sealed class EngineOptions
{
    /// <summary>How often one backward connection may be followed in an instance before the loop counts as runaway.</summary>
    public int MaxLoopIterations { get; set; } = 10_000;

    /// <summary>Most activities one burst may run before it counts as runaway.</summary>
    public int MaxActivitiesPerBurst { get; set; } = 100_000;

    /// <summary>Sandbox limits for script expressions.</summary>
    public ExpressionOptions Expressions { get; set; } = new();

    /// <summary>The organisation's business-day calendar, which scripts and templates do business-day arithmetic on.</summary>
    public BusinessCalendarOptions Calendar { get; set; } = new();
}
