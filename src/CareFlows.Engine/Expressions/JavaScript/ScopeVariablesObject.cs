using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>The <c>variables</c> global: <c>variables.X</c> reads the scope's variable and assigning it sets the variable.</summary>
internal sealed class ScopeVariablesObject(JintEngine engine, JavaScriptSandbox sandbox) : ScopeViewObject(engine, sandbox)
{
    protected override IEnumerable<string> Names => Sandbox.Scope.VariableNames;

    protected override bool TryRead(string name, out object? value) => Sandbox.Scope.TryGetVariable(name, out value);

    protected override bool TryWrite(string name, object? value)
    {
        Sandbox.Scope.SetVariable(name, value);
        return true;
    }
}
