using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// Elsa's script globals, installed once per engine. Each reads the sandbox's current scope when called, so the
/// same functions serve every evaluation on that engine.
/// </summary>
internal static class ScriptGlobals
{
    public static void Install(JavaScriptSandbox sandbox)
    {
        var mapper = sandbox.Mapper;
        Define(sandbox, "getVariable", args => sandbox.Scope.TryGetVariable(Text(args, 0) ?? "", out var value) ? mapper.ToJs(value) : JsValue.Undefined);
        Define(sandbox, "setVariable", args =>
        {
            sandbox.Scope.SetVariable(Text(args, 0) ?? "", mapper.ToClr(Arg(args, 1)));
            return JsValue.Undefined;
        });
        Define(sandbox, "getInput", args => sandbox.Scope.Input.TryGetValue(Text(args, 0) ?? "", out var value) ? mapper.ToJs(value) : JsValue.Undefined);
        Define(sandbox, "getOutputFrom", args => mapper.ToJs(sandbox.Scope.GetOutputFrom(Text(args, 0) ?? "", Text(args, 1))));
        Define(sandbox, "getLastResult", _ => mapper.ToJs(sandbox.Scope.LastResult));
        Define(sandbox, "getWorkflowInstanceId", _ => JsString.Create(sandbox.Scope.InstanceId));
        Define(sandbox, "getCorrelationId", _ => mapper.ToJs(sandbox.Scope.CorrelationId));
        Define(sandbox, "setCorrelationId", args =>
        {
            sandbox.Scope.CorrelationId = Text(args, 0);
            return JsValue.Undefined;
        });
        Define(sandbox, "setWorkflowInstanceName", args =>
        {
            sandbox.Scope.InstanceName = Text(args, 0);
            return JsValue.Undefined;
        });
        Define(sandbox, "newGuid", _ => JsString.Create(sandbox.Scope.NewId()));
        Define(sandbox, "toJson", args => JsString.Create(mapper.ToJsonText(Arg(args, 0))));
        Define(sandbox, "isNullOrEmpty", args => Arg(args, 0) is var value && ((value.IsNull() || value.IsUndefined()) || (value.IsString() && value.ToString().Length == 0))
            ? JsBoolean.True
            : JsBoolean.False);
    }

    /// <summary>A host function whose host-side failures reach the script as a catchable <c>TypeError</c>.</summary>
    public static ClrFunction Function(JintEngine engine, string name, Func<JsValue[], JsValue> body) =>
        new(engine, name, (_, args) =>
        {
            try
            {
                return body(args);
            }
            catch (Exception e) when (IsHostFailure(e))
            {
                throw new JavaScriptException(engine.Intrinsics.TypeError, e.Message, e);
            }
        });

    public static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static string? Text(JsValue[] args, int index) =>
        Arg(args, index) is var value && !(value.IsNull() || value.IsUndefined()) ? TypeConverter.ToString(value) : null;

    /// <summary>Defines a read-only global function; install globals before the sandbox freezes its built-ins.</summary>
    public static void Define(JavaScriptSandbox sandbox, string name, Func<JsValue[], JsValue> body) =>
        sandbox.Engine.Global.DefineOwnProperty(
            name,
            new PropertyDescriptor(Function(sandbox.Engine, name, body), writable: false, enumerable: false, configurable: false));

    private static bool IsHostFailure(Exception e) =>
        e is ValueConversionException or ExpressionEvaluationException or ArgumentException or InvalidOperationException
            or FormatException or InvalidCastException or OverflowException or JsonException or NotSupportedException
            or KeyNotFoundException;
}
