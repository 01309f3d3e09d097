namespace CareFlows.Engine.Expressions;

/// <summary>Sandbox limits for script expressions.</summary>
public sealed class ExpressionOptions
{
    /// <summary>Longest a single script evaluation may run.</summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most statements a single script evaluation may execute.</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Deepest call recursion a script may reach.</summary>
    public int MaxRecursionDepth { get; set; } = 64;

    /// <summary>Most memory, in bytes, a single script evaluation may allocate.</summary>
    public long MaxMemoryBytes { get; set; } = 16 * 1024 * 1024;
}
