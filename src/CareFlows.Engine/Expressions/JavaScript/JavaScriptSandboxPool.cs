using System.Collections.Concurrent;
using CareFlows.Engine.Calendar;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// Idle sandboxes shared by every JavaScript expression of one <see cref="JavaScriptSyntax"/>. Creating a Jint
/// engine costs far more than running a decision script, so each evaluation borrows one and gives it back;
/// a thread gets one of its own when none is idle. At most a few per core are kept.
/// </summary>
internal sealed class JavaScriptSandboxPool(ExpressionOptions limits, BusinessCalendar calendar)
{
    private readonly ConcurrentBag<JavaScriptSandbox> _idle = [];
    private readonly int _capacity = Math.Max(4, Environment.ProcessorCount * 2);
    private int _idleCount;

    public ExpressionOptions Limits => limits;

    /// <summary>Idle sandboxes, for tests.</summary>
    internal int IdleCount => Volatile.Read(ref _idleCount);

    /// <summary>Runs a program; every failure is an <see cref="ExpressionEvaluationException"/>.</summary>
    public object? Run(JavaScriptProgram program, IExpressionScope scope)
    {
        var sandbox = Rent();
        var reusable = true;
        try
        {
            return sandbox.Run(program, scope);
        }
        catch (Exception e)
        {
            // Every failure is reported as the expression's own; none may reach the caller as anything else.
            reusable = ScriptFailures.LeavesEngineUsable(e);
            throw ScriptFailures.Describe(e, limits);
        }
        finally
        {
            if (reusable)
            {
                Return(sandbox);
            }
            else
            {
                sandbox.Dispose();
            }
        }
    }

    private JavaScriptSandbox Rent()
    {
        if (_idle.TryTake(out var sandbox))
        {
            Interlocked.Decrement(ref _idleCount);
            return sandbox;
        }

        try
        {
            return new JavaScriptSandbox(limits, calendar);
        }
        catch (Exception e)
        {
            throw new ExpressionEvaluationException($"The script engine could not start: {e.Message}", e);
        }
    }

    private void Return(JavaScriptSandbox sandbox)
    {
        if (Interlocked.Increment(ref _idleCount) <= _capacity)
        {
            _idle.Add(sandbox);
            return;
        }

        Interlocked.Decrement(ref _idleCount);
        sandbox.Dispose();
    }
}
