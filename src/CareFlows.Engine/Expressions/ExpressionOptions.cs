namespace CareFlows.Engine.Expressions;

/// <summary>Sandbox limits for script expressions.</summary>
public sealed class ExpressionOptions
{
    /// <summary>
    /// Longest a single script evaluation may run. Decision scripts take microseconds; a script that runs for long is
    /// almost always a mistake (a runaway loop, a regular expression that backtracks), and it holds one of the host's
    /// workers for as long as it runs.
    /// </summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Longest a single regular-expression match may run; at most <see cref="ScriptTimeout"/>. A pattern such as
    /// <c>/^(a+)+$/</c> backtracks exponentially on input that almost matches.
    /// </summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The regular-expression limit in force: <see cref="RegexTimeout"/>, capped by <see cref="ScriptTimeout"/>.</summary>
    public TimeSpan EffectiveRegexTimeout => RegexTimeout < ScriptTimeout ? RegexTimeout : ScriptTimeout;

    /// <summary>Most statements a single script evaluation may execute.</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Deepest call recursion a script may reach.</summary>
    public int MaxRecursionDepth { get; set; } = 64;

    /// <summary>Most memory, in bytes, a single script evaluation may allocate.</summary>
    public long MaxMemoryBytes { get; set; } = 16 * 1024 * 1024;
}
