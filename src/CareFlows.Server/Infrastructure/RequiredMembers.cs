using System.Linq.Expressions;
using System.Reflection;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Refuses a body whose required members are absent or null, which the JSON reader lets through as null: a 400 naming
/// each such member by JSON path, before the request does anything with it.
/// </summary>
internal static class RequiredMembers
{
    public static void Check<T>(T body, params Expression<Func<T, object?>>[] members)
    {
        var missing = new Dictionary<string, string[]>();
        foreach (var member in members)
        {
            var chain = ApiFieldNames.Chain(member) ?? throw new ArgumentException($"'{member}' does not read a member.", nameof(members));
            if (ValueOf(body, chain) is null)
            {
                missing[ApiFieldNames.Key(chain)] = [$"'{ApiFieldNames.Name(chain[^1])}' is required."];
            }
        }

        if (missing.Count > 0)
        {
            throw new MalformedRequestException(missing);
        }
    }

    private static object? ValueOf(object? value, IEnumerable<MemberInfo> chain) => chain.Aggregate(value, (owner, member) => (owner, member) switch
    {
        (null, _) => null,
        (_, PropertyInfo property) => property.GetValue(owner),
        (_, FieldInfo field) => field.GetValue(owner),
        _ => null,
    });
}
