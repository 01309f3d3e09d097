using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Expressions;

/// <summary>Elsa's type aliases (<c>String</c>, <c>Int32</c>, <c>String[]</c>, …) and the CLR types CareFlows uses for them.</summary>
public static class TypeAliases
{
    private static readonly FrozenDictionary<string, Type> ByAlias = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["Int16"] = typeof(short),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Long"] = typeof(long),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["Object"] = typeof(object),
        ["ByteArray"] = typeof(byte[]),
        ["Guid"] = typeof(Guid),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["TimeSpan"] = typeof(TimeSpan),
        ["JSON"] = typeof(JsonNode),
        ["JsonElement"] = typeof(JsonElement),
        ["JsonNode"] = typeof(JsonNode),
        ["JsonObject"] = typeof(JsonObject),
        ["StringDictionary"] = typeof(Dictionary<string, string>),
        ["ObjectDictionary"] = typeof(Dictionary<string, object?>),
        ["StringMap"] = typeof(Dictionary<string, string>),
        ["ObjectMap"] = typeof(Dictionary<string, object?>),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<Type, string> ByType = new Dictionary<Type, string>
    {
        [typeof(string)] = "String",
        [typeof(bool)] = "Boolean",
        [typeof(short)] = "Int16",
        [typeof(int)] = "Int32",
        [typeof(long)] = "Int64",
        [typeof(float)] = "Single",
        [typeof(double)] = "Double",
        [typeof(decimal)] = "Decimal",
        [typeof(object)] = "Object",
        [typeof(byte[])] = "ByteArray",
        [typeof(Guid)] = "Guid",
        [typeof(DateTime)] = "DateTime",
        [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(TimeSpan)] = "TimeSpan",
        [typeof(JsonNode)] = "JsonNode",
        [typeof(JsonObject)] = "JsonObject",
        [typeof(Dictionary<string, object?>)] = "ObjectDictionary",
        [typeof(Dictionary<string, string>)] = "StringDictionary",
    }.ToFrozenDictionary();

    /// <summary>
    /// The CLR type for an alias, including <c>X?</c>, <c>X[]</c> and <c>List&lt;X&gt;</c> forms.
    /// Assembly-qualified names CareFlows does not know resolve to <see cref="object"/>.
    /// </summary>
    public static bool TryResolve(string? alias, out Type type)
    {
        type = typeof(object);
        if (string.IsNullOrWhiteSpace(alias))
        {
            return true;
        }

        alias = alias.Trim();
        if (ByAlias.TryGetValue(alias, out var known))
        {
            type = known;
            return true;
        }

        if (alias.EndsWith('?') && TryResolve(alias[..^1], out var underlying))
        {
            type = underlying.IsValueType ? typeof(Nullable<>).MakeGenericType(underlying) : underlying;
            return true;
        }

        if (alias.EndsWith("[]", StringComparison.Ordinal) && TryResolve(alias[..^2], out var element))
        {
            type = element.MakeArrayType();
            return true;
        }

        if (alias.StartsWith("List<", StringComparison.Ordinal) && alias.EndsWith('>') && TryResolve(alias[5..^1], out var item))
        {
            type = typeof(List<>).MakeGenericType(item);
            return true;
        }

        // Elsa writes other types assembly-qualified ("System.Net.HttpStatusCode, System.Net.Primitives");
        // they are carried as untyped values.
        return alias.Contains(',', StringComparison.Ordinal) || alias.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>The CLR type for an alias; unknown aliases give <see cref="object"/>.</summary>
    public static Type Resolve(string? alias) => TryResolve(alias, out var type) ? type : typeof(object);

    /// <summary>The alias Elsa writes for a CLR type.</summary>
    public static string AliasOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (ByType.TryGetValue(type, out var alias))
        {
            return alias;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return AliasOf(underlying) + "?";
        }

        if (type.IsArray)
        {
            return AliasOf(type.GetElementType()!) + "[]";
        }

        return type.IsEnum ? $"{type.FullName}, {type.Assembly.GetName().Name}" : "Object";
    }
}
