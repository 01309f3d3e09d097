using System.Globalization;
using CareFlows.Engine.Calendar;
using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// One Jint engine, set up once and reused for many evaluations, one at a time. It has no CLR access, runs
/// within <see cref="ExpressionOptions"/>' limits, and keeps nothing from one evaluation to the next: scripts run
/// in their own function scope, the built-in objects are frozen, and globals a script creates are removed after it.
/// </summary>
internal sealed class JavaScriptSandbox : IDisposable
{
    // Scripts differ per definition, not per evaluation, so a sandbox keeps the functions it has built. A program's
    // function holds no state of its own: each call runs the script in a fresh inner function.
    private const int MaxCachedFunctions = 1_000;

    private readonly JintEngine _engine;
    private readonly Dictionary<string, JsValue> _accessors = new(StringComparer.Ordinal);
    private readonly Dictionary<JavaScriptProgram, JsValue> _functions = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<JsValue> _builtInGlobals;
    private readonly JsValue _objectFreeze;
    private IExpressionScope? _scope;

    public JavaScriptSandbox(ExpressionOptions limits, BusinessCalendar calendar)
    {
        var clock = new SandboxClock(this);
        _engine = new JintEngine(options =>
        {
            options.LimitRecursion(limits.MaxRecursionDepth)
                .MaxStatements(limits.MaxStatements)
                .TimeoutInterval(limits.ScriptTimeout)
                .LimitMemory(limits.MaxMemoryBytes)
                .DisableStringCompilation()
                .Culture(CultureInfo.InvariantCulture);
            options.Interop.Enabled = false;
            options.Constraints.MaxArraySize = (uint)Math.Clamp(limits.MaxMemoryBytes / 8, 1, uint.MaxValue);
            options.Constraints.RegexTimeout = limits.EffectiveRegexTimeout;

            // Deeply nested values (an array inside an array, 100,000 times) recurse in Jint's own C# code,
            // not in script calls, so LimitRecursion does not see them; without this guard they end the process.
            options.Constraints.StackOverflowGuard = true;
            options.TimeSystem = clock;
        });
        Mapper = new JsValueMapper(_engine);
        ScriptGlobals.Install(this);
        CalendarGlobals.Install(this, calendar);
        _objectFreeze = _engine.Global.Get("Object").Get("freeze");
        BuiltInFreezer.Freeze(_engine, _objectFreeze);
        DefineReadOnlyGlobal("variables", new ScopeVariablesObject(_engine, this));
        DefineReadOnlyGlobal("input", new ScopeInputObject(_engine, this));
        _builtInGlobals = [.. _engine.Global.GetOwnPropertyKeys()];
    }

    public JintEngine Engine => _engine;

    public JsValueMapper Mapper { get; }

    /// <summary>The scope being evaluated; host functions read it on every call.</summary>
    public IExpressionScope Scope => _scope ?? throw new InvalidOperationException("No script is being evaluated.");

    /// <summary>The scope being evaluated, or null between evaluations.</summary>
    public IExpressionScope? CurrentScope => _scope;

    /// <summary>Runs a program against a scope and returns its value as a host value. Jint's exceptions pass through.</summary>
    public object? Run(JavaScriptProgram program, IExpressionScope scope)
    {
        _scope = scope;
        try
        {
            var function = FunctionFor(program);
            var result = _engine.Invoke(function, JsValue.Undefined, AccessorsFor(program));
            return Mapper.ToClr(result);
        }
        finally
        {
            _scope = null;
            RemoveGlobalsAddedByScript();
        }
    }

    public void Dispose() => _engine.Dispose();

    private JsValue FunctionFor(JavaScriptProgram program)
    {
        if (!_functions.TryGetValue(program, out var function))
        {
            function = _engine.Invoke(_objectFreeze, _engine.Evaluate(program.Function));
            if (_functions.Count < MaxCachedFunctions)
            {
                _functions.Add(program, function);
            }
        }

        return function;
    }

    private JsValue[] AccessorsFor(JavaScriptProgram program)
    {
        if (program.AccessorNames.Count == 0)
        {
            return [];
        }

        var accessors = new JsValue[program.AccessorNames.Count];
        for (var i = 0; i < accessors.Length; i++)
        {
            accessors[i] = AccessorFor(program.AccessorNames[i]);
        }

        return accessors;
    }

    private JsValue AccessorFor(string name)
    {
        if (!_accessors.TryGetValue(name, out var accessor))
        {
            var target = GeneratedAccessors.TargetOf(name);
            ClrFunction function = GeneratedAccessors.IsGetter(name)
                ? ScriptGlobals.Function(_engine, name, _ => Read(name, target))
                : ScriptGlobals.Function(_engine, name, args => Write(name, target, ScriptGlobals.Arg(args, 0)));
            accessor = _engine.Invoke(_objectFreeze, function);
            _accessors.Add(name, accessor);
        }

        return accessor;
    }

    private JsValue Read(string accessor, string target)
    {
        if (Scope.TryGetVariable(target, out var value) || Scope.Input.TryGetValue(target, out value))
        {
            return Mapper.ToJs(value);
        }

        throw NotDefined(accessor);
    }

    private JsValue Write(string accessor, string target, JsValue value)
    {
        if (!Scope.TryGetVariable(target, out _))
        {
            throw NotDefined(accessor);
        }

        Scope.SetVariable(target, Mapper.ToClr(value));
        return JsValue.Undefined;
    }

    // As Elsa, where a helper exists only for a variable or input that exists.
    private JavaScriptException NotDefined(string accessor) => new((ErrorConstructor)_engine.Global.Get("ReferenceError"), $"{accessor} is not defined");

    private void DefineReadOnlyGlobal(string name, JsValue value) =>
        _engine.Global.DefineOwnProperty(name, new PropertyDescriptor(value, writable: false, enumerable: false, configurable: false));

    // Built-in globals cannot be deleted (BuiltInFreezer made them non-configurable), so an unchanged count means
    // the script added none.
    private void RemoveGlobalsAddedByScript()
    {
        var keys = _engine.Global.GetOwnPropertyKeys();
        if (keys.Count == _builtInGlobals.Count)
        {
            return;
        }

        foreach (var key in keys)
        {
            if (!_builtInGlobals.Contains(key))
            {
                _engine.Global.Delete(key);
            }
        }
    }
}
