using System.Reflection;

namespace CareFlows.Server.Tests.Architecture;

/// <summary>
/// Feature code reaches scheduling only through the runtime's interfaces, so timers stay an implementation detail
/// (the rule NsDepCop would enforce; it reads the compiled types' dependencies instead).
/// </summary>
public sealed class FeatureDependencyTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Features_do_not_depend_on_the_scheduling_namespace()
    {
        var features = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CareFlows.Server.Features", StringComparison.Ordinal) == true);

        var offenders = features
            .SelectMany(t => DependenciesOf(t).Select(d => (Type: t, Dependency: d)))
            .Where(p => p.Dependency.Namespace?.StartsWith("CareFlows.Server.Scheduling", StringComparison.Ordinal) == true)
            .Select(p => $"{p.Type.FullName} → {p.Dependency.FullName}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_check_sees_constructor_dependencies()
    {
        Assert.Contains(typeof(Server.Runtime.WorkflowCatalog), DependenciesOf(typeof(Server.Features.Definitions.DefinitionStore)));
    }

    private static IEnumerable<Type> DependenciesOf(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(Everything).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(Everything).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }
        }

        return direct.OfType<Type>().SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Unwrap(argument))
            {
                yield return inner;
            }
        }

        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }
    }
}
