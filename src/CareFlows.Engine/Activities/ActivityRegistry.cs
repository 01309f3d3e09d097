using System.Collections.Frozen;
using System.Reflection;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities;

/// <summary>The activity types the engine can run, with their descriptors for the designer.</summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, ActivityDescriptor> _byType;

    public ActivityRegistry(IEnumerable<Type> activityTypes)
    {
        ArgumentNullException.ThrowIfNull(activityTypes);
        _byType = activityTypes.Select(Describe).ToFrozenDictionary(d => d.TypeName, StringComparer.Ordinal);
    }

    /// <summary>A registry of every activity in this assembly.</summary>
    public static ActivityRegistry CreateDefault() => new(BuiltInActivityTypes);

    /// <summary>Every activity class in the engine assembly.</summary>
    public static IEnumerable<Type> BuiltInActivityTypes =>
        typeof(Activity).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Activity).IsAssignableFrom(t) && t.GetCustomAttribute<ActivityAttribute>() is not null);

    /// <summary>Every descriptor, ordered by category then name.</summary>
    public IEnumerable<ActivityDescriptor> Descriptors =>
        _byType.Values.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal);

    /// <summary>The descriptor of a type name, ignoring a version suffix such as <c>Elsa.SetVariable&lt;String&gt;</c>.</summary>
    public ActivityDescriptor? Find(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (_byType.TryGetValue(typeName, out var descriptor))
        {
            return descriptor;
        }

        var generic = typeName.IndexOf('<', StringComparison.Ordinal);
        return generic > 0 && _byType.TryGetValue(typeName[..generic], out descriptor) ? descriptor : null;
    }

    private static ActivityDescriptor Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [Activity] attribute.", nameof(type));
        var outcomes = type.GetCustomAttribute<OutcomesAttribute>();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var prototype = (Activity)Activator.CreateInstance(type)!;
        var inputs = type.GetCustomAttributes<ConfiguredInputAttribute>()
            .Select(DescribeConfiguredInput)
            .Concat(properties
                .Where(p => p.GetCustomAttribute<InputAttribute>() is not null && typeof(IInput).IsAssignableFrom(p.PropertyType))
                .Select(p => DescribeInput(p, prototype)))
            .ToList();
        var outputs = properties
            .Where(p => p.GetCustomAttribute<OutputAttribute>() is not null && typeof(IOutput).IsAssignableFrom(p.PropertyType))
            .Select(p => new OutputDescriptor(CamelCase(p.Name), TypeAliases.AliasOf(p.PropertyType.GetGenericArguments()[0]), p.GetCustomAttribute<OutputAttribute>()!.Description) { Property = p })
            .ToList();
        var factory = System.Linq.Expressions.Expression.Lambda<Func<Activity>>(System.Linq.Expressions.Expression.New(type)).Compile();
        return new ActivityDescriptor(
            attribute.TypeName,
            attribute.Namespace,
            attribute.Name,
            attribute.DisplayName ?? attribute.Name,
            attribute.Category,
            attribute.Description,
            attribute.IsTrigger,
            inputs,
            outputs,
            outcomes?.Outcomes ?? [Activity.Done],
            outcomes?.DynamicFrom)
        {
            ClrType = type,
            Factory = factory,
        };
    }

    private static InputDescriptor DescribeInput(PropertyInfo property, Activity prototype)
    {
        var attribute = property.GetCustomAttribute<InputAttribute>()!;
        var input = (IInput)property.GetValue(prototype)!;
        var defaultValue = input.GetType().GetProperty(nameof(Input<object>.DefaultValue))!.GetValue(input);
        return new InputDescriptor(
            CamelCase(property.Name),
            attribute.DisplayName ?? property.Name,
            TypeAliases.AliasOf(input.ValueType),
            attribute.Description,
            attribute.UIHint,
            attribute.DefaultSyntax,
            attribute.Options,
            attribute.Required,
            defaultValue)
        {
            Property = property,
        };
    }

    private static InputDescriptor DescribeConfiguredInput(ConfiguredInputAttribute attribute) => new(
        attribute.Name,
        attribute.DisplayName ?? char.ToUpperInvariant(attribute.Name[0]) + attribute.Name[1..],
        attribute.TypeName,
        attribute.Description,
        attribute.UIHint,
        DefaultSyntax: ExpressionDefinition.Literal,
        Options: null,
        attribute.Required,
        DefaultValue: null);

    internal static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
