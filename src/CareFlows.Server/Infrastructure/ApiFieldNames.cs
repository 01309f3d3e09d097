using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.Metadata;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Decides what a request field is called wherever the API reports a problem with it. A member of the body is keyed
/// by its JSON path from the body's root (<c>$.definitionId</c>, <c>$.items[0]</c>); a value from the query string,
/// the route or a header by the name the request uses (<c>createdFrom</c>, <c>Idempotency-Key</c>). Messages name
/// the field the same way, without the path: <c>'definitionId' must not be empty.</c>
/// </summary>
/// <remarks>
/// Where a member of a command comes from is read from its binding attribute (<c>[FromQuery(Name = …)]</c>,
/// <c>[FromRoute]</c>, <c>[FromHeader]</c>, on the property or on the record's constructor parameter); a member without
/// one is part of the JSON body, and one marked <c>[FromBody]</c> is the body itself.
/// </remarks>
internal static class ApiFieldNames
{
    /// <summary>
    /// Makes FluentValidation key its failures and name fields in its messages this way, process-wide. A rule that does
    /// not read a member (such as <c>RuleFor(x =&gt; x)</c>) has no key of its own, as with FluentValidation's defaults.
    /// </summary>
    public static void UseForValidation()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            (expression is null ? null : Keys.GetOrAdd(expression, e => Chain(e) is { Count: > 0 } chain ? Key(chain) : null)) ?? member?.Name!;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null! : Name(member);
    }

    /// <summary>The key of a member of a request type, for problems reported outside validators.</summary>
    public static string Of<T>(Expression<Func<T, object?>> member) =>
        Chain(member) is { Count: > 0 } chain ? Key(chain) : throw new ArgumentException("Not a member of the request.", nameof(member));

    // FluentValidation asks for a field's name every time a rule runs, not only when it fails; reading attributes by
    // reflection each time cost more than the rest of the request's validation.
    private static readonly ConcurrentDictionary<MemberInfo, string> Names = new();
    private static readonly ConcurrentDictionary<LambdaExpression, string?> Keys = new(ReferenceEqualityComparer.Instance);

    /// <summary>The name a member has in the request: its query, route or header name, or its JSON name.</summary>
    public static string Name(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Names.GetOrAdd(member, m => RequestName(Attributes(m), m.Name) ?? JsonName(m));
    }

    /// <summary>The name of a handler parameter bound from the query string, route or a header; null for the body.</summary>
    public static string? Name(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return RequestName(parameter.GetCustomAttributes(inherit: true), parameter.Name ?? "");
    }

    /// <summary>The key of a chain of members read from a request type, the outermost first.</summary>
    public static string Key(IReadOnlyList<MemberInfo> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var first = Attributes(chain[0]);
        if (RequestName(first, chain[0].Name) is { } name)
        {
            return name;
        }

        var body = first.OfType<IFromBodyMetadata>().Any() ? chain.Skip(1) : chain;
        return "$" + string.Concat(body.Select(m => "." + JsonName(m)));
    }

    private static string? RequestName(object[] attributes, string declaredName)
    {
        foreach (var attribute in attributes)
        {
            var name = attribute switch
            {
                IFromQueryMetadata query => query.Name ?? declaredName,
                IFromRouteMetadata route => route.Name ?? declaredName,
                IFromHeaderMetadata header => header.Name ?? declaredName,
                _ => null,
            };
            if (name is not null)
            {
                return name;
            }
        }

        return null;
    }

    private static string JsonName(MemberInfo member) =>
        Attributes(member).OfType<JsonPropertyNameAttribute>().FirstOrDefault()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    // A positional record's attributes sit on its constructor parameter, not on the property generated from it.
    private static object[] Attributes(MemberInfo member) =>
    [
        .. member.GetCustomAttributes(inherit: true),
        .. member.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters()).FirstOrDefault(p => p.Name == member.Name)?.GetCustomAttributes(inherit: true) ?? [],
    ];

    /// <summary>The members a lambda such as <c>c =&gt; c.Definition.DefinitionId</c> reads, outermost first; null for any other lambda.</summary>
    public static List<MemberInfo>? Chain(LambdaExpression? expression)
    {
        var chain = new List<MemberInfo>();
        var node = expression?.Body;
        while (true)
        {
            switch (node)
            {
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                    node = convert.Operand;
                    break;
                case MemberExpression member:
                    chain.Insert(0, member.Member);
                    node = member.Expression;
                    break;
                case ParameterExpression:
                    return chain;
                default:
                    return null;
            }
        }
    }
}
