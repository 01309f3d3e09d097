using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// A script object whose properties are names in the sandbox's current scope. It holds no values itself, so one
/// instance serves every evaluation on its engine, and every read sees the scope as it is at that moment.
/// </summary>
internal abstract class ScopeViewObject : ObjectInstance
{
    private readonly JavaScriptSandbox _sandbox;

    protected ScopeViewObject(JintEngine engine, JavaScriptSandbox sandbox)
        : base(engine)
    {
        _sandbox = sandbox;

        // Not extensible, so no script can give it a prototype that the next script would inherit.
        base.PreventExtensions();
    }

    protected JavaScriptSandbox Sandbox => _sandbox;

    /// <summary>The names the object shows, as <c>Object.keys</c> lists them.</summary>
    protected abstract IEnumerable<string> Names { get; }

    protected abstract bool TryRead(string name, out object? value);

    /// <summary>Writes a value; false when this view is read-only.</summary>
    protected abstract bool TryWrite(string name, object? value);

    public override JsValue Get(JsValue property, JsValue receiver) =>
        property.IsString() && TryRead(property.ToString(), out var value) ? _sandbox.Mapper.ToJs(value) : base.Get(property, receiver);

    public override bool Set(JsValue property, JsValue value, JsValue receiver) =>
        property.IsString() && TryWrite(property.ToString(), _sandbox.Mapper.ToClr(value));

    public override bool HasProperty(JsValue property) =>
        (property.IsString() && TryRead(property.ToString(), out _)) || base.HasProperty(property);

    public override PropertyDescriptor GetOwnProperty(JsValue property) =>
        property.IsString() && TryRead(property.ToString(), out var value)
            ? new PropertyDescriptor(_sandbox.Mapper.ToJs(value), PropertyFlag.ConfigurableEnumerableWritable)
            : PropertyDescriptor.Undefined;

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.Empty | Types.String | Types.Symbol) =>
        (types & Types.String) == 0 ? [] : [.. Names.Select(name => (JsValue)JsString.Create(name))];

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc) => false;

    public override bool Delete(JsValue property) => false;
}
