using Acornima.Ast;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// Elsa's generated helpers, <c>get&lt;Name&gt;()</c> and <c>set&lt;Name&gt;(value)</c> for each variable and
/// <c>get&lt;Name&gt;()</c> for each input. Rather than defining one global per variable for every evaluation, CareFlows
/// finds the helper names a script mentions when it is compiled and passes just those in.
/// </summary>
internal static class GeneratedAccessors
{
    private const string GetPrefix = "get";
    private const string SetPrefix = "set";

    /// <summary>Names of the host's own functions, which are globals and never generated helpers.</summary>
    private static readonly HashSet<string> HostFunctionNames = new(StringComparer.Ordinal)
    {
        "getVariable", "setVariable", "getInput", "getOutputFrom", "getLastResult", "getWorkflowInstanceId",
        "getCorrelationId", "setCorrelationId", "setWorkflowInstanceName",
    };

    /// <summary>True for <c>getX</c>, false for <c>setX</c>; the name after the prefix is the variable or input.</summary>
    public static bool IsGetter(string accessor) => accessor.StartsWith(GetPrefix, StringComparison.Ordinal);

    /// <summary>The variable or input an accessor reads or writes.</summary>
    public static string TargetOf(string accessor) => accessor[GetPrefix.Length..];

    /// <summary>
    /// Identifiers shaped like helpers in the script, skipping property names (<c>date.getTime()</c>). Walked with an
    /// explicit stack because a parsable script can still nest deeper than the walker's own stack could follow.
    /// </summary>
    public static IReadOnlyList<string> ReferencedBy(Node root)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case Identifier identifier when IsAccessorName(identifier.Name):
                    names.Add(identifier.Name);
                    break;
                case MemberExpression { Computed: false } member:
                    pending.Push(member.Object);
                    continue;
                case Property { Computed: false } property:
                    pending.Push(property.Value);
                    continue;
            }

            foreach (var child in node.ChildNodes)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        return [.. names];
    }

    private static bool IsAccessorName(string name) =>
        name.Length > GetPrefix.Length
        && (name.StartsWith(GetPrefix, StringComparison.Ordinal) || name.StartsWith(SetPrefix, StringComparison.Ordinal))
        && !HostFunctionNames.Contains(name);
}
