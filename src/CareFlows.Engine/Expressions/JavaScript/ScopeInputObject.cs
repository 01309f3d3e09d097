using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>The <c>input</c> global: a read-only view of the scope's input values.</summary>
internal sealed class ScopeInputObject(JintEngine engine, JavaScriptSandbox sandbox) : ScopeViewObject(engine, sandbox)
{
    protected override IEnumerable<string> Names => Sandbox.Scope.Input.Keys;

    protected override bool TryRead(string name, out object? value) => Sandbox.Scope.Input.TryGetValue(name, out value);

    protected override bool TryWrite(string name, object? value) => false;
}
