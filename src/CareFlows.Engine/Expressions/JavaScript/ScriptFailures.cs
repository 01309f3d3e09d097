using System.Globalization;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>Turns whatever a script run throws into an <see cref="ExpressionEvaluationException"/> with a plain message.</summary>
internal static class ScriptFailures
{
    public static ExpressionEvaluationException Describe(Exception failure, ExpressionOptions limits) => failure switch
    {
        ExpressionEvaluationException known => known,
        JavaScriptException thrown => new ExpressionEvaluationException(ErrorText(thrown), thrown),
        StatementsCountOverflowException => new($"Script exceeded the limit of {limits.MaxStatements} statements.", failure),
        RegexMatchTimeoutException => new($"A regular expression in the script ran longer than {Duration(limits.EffectiveRegexTimeout)}.", failure),
        TimeoutException => new($"Script ran longer than {Duration(limits.ScriptTimeout)}.", failure),
        RecursionDepthOverflowException => new($"Script exceeded the limit of {limits.MaxRecursionDepth} nested calls.", failure),
        MemoryLimitExceededException => new($"Script exceeded the memory limit of {Bytes(limits.MaxMemoryBytes)}.", failure),
        InsufficientExecutionStackException => new("Script nested values or calls too deeply.", failure),
        _ => new($"Script failed: {failure.Message}", failure),
    };

    /// <summary>
    /// True when the engine unwound normally and can run the next script. After a limit or an unexpected host
    /// exception the engine is dropped rather than trusted.
    /// </summary>
    public static bool LeavesEngineUsable(Exception failure) => failure is JavaScriptException or ExpressionEvaluationException;

    private static string ErrorText(JavaScriptException thrown)
    {
        var error = thrown.Error;
        var text = error is ObjectInstance obj && obj.Get("message") is var message && !message.IsUndefined()
            ? $"{obj.Get("name")}: {message}"
            : $"Script threw {Describe(error)}";
        var line = thrown.Location.Start.Line;
        return line > 1 ? $"{text} (line {line})" : text;
    }

    private static string Describe(JsValue value) => value.IsString() ? $"'{value}'" : value.ToString();

    private static string Duration(TimeSpan time) =>
        time.TotalSeconds >= 1 && time.Ticks % TimeSpan.TicksPerSecond == 0
            ? $"{time.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
            : $"{time.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";

    private static string Bytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";
}
