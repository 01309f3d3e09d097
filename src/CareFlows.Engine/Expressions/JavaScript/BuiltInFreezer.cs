using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// Freezes every object reachable from the global object and makes each global binding read-only, so no script can
/// change what the next one on the same engine sees (<c>Array.prototype.x = …</c>, <c>Math = …</c>). The global
/// object itself stays extensible: a sloppy script may still assign an undeclared name, which the sandbox removes
/// after it.
/// </summary>
/// <remarks>
/// The walk runs in C#, not as a script, because the engine's time, statement and memory limits apply to scripts and
/// building every built-in takes megabytes; each object is then frozen by calling <c>Object.freeze</c> on it alone.
/// </remarks>
internal static class BuiltInFreezer
{
    public static void Freeze(JintEngine engine, JsValue objectFreeze)
    {
        var global = engine.Global;
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance) { global };
        var pending = new Stack<ObjectInstance>();
        foreach (var key in global.GetOwnPropertyKeys())
        {
            var binding = global.GetOwnProperty(key);
            Push(binding, pending);
            if (binding.IsDataDescriptor())
            {
                global.DefineOwnProperty(key, new PropertyDescriptor(binding.Value, writable: false, binding.Enumerable, configurable: false));
            }
        }

        while (pending.Count > 0)
        {
            var obj = pending.Pop();
            if (!seen.Add(obj))
            {
                continue;
            }

            foreach (var key in obj.GetOwnPropertyKeys())
            {
                Push(obj.GetOwnProperty(key), pending);
            }

            if (obj.Prototype is { } prototype)
            {
                pending.Push(prototype);
            }

            engine.Invoke(objectFreeze, JsValue.Undefined, [obj]);
        }
    }

    private static void Push(PropertyDescriptor property, Stack<ObjectInstance> pending)
    {
        foreach (var value in (ReadOnlySpan<JsValue?>)[property.Value, property.Get, property.Set])
        {
            if (value is ObjectInstance obj)
            {
                pending.Push(obj);
            }
        }
    }
}
