using System.Reflection;

namespace CareFlows.Server.Tests.Architecture;

/// <summary>
/// The layers' rules, read from the compiled types' dependencies (what NsDepCop would enforce): features reach
/// scheduling only through the runtime, the runtime and the inbox's rules know nothing of features or HTTP, and a
/// feature uses another only through its public services.
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
    public void The_runtime_and_the_inbox_rules_use_no_feature_and_no_HTTP_shaped_type()
    {
        var offenders = Offenders(
            t => t.StartsWith("CareFlows.Server.Runtime", StringComparison.Ordinal) || t.StartsWith("CareFlows.Server.Inbox", StringComparison.Ordinal),
            d => d.StartsWith("CareFlows.Server.Features", StringComparison.Ordinal) || d.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal)
                || d.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_HL7_v2_reader_knows_nothing_of_the_runtime_the_database_or_HTTP()
    {
        // It is a codec: what a message means to the pathways is the ADT feed's to say, one namespace up.
        var offenders = Offenders(
            t => t.StartsWith("CareFlows.Server.Features.Feeds.Hl7", StringComparison.Ordinal),
            d => (d.StartsWith("CareFlows.", StringComparison.Ordinal) && !d.StartsWith("CareFlows.Server.Features.Feeds.Hl7", StringComparison.Ordinal))
                || d.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || d.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

        Assert.Empty(offenders);
    }

    [Fact]
    public void A_feature_uses_another_feature_only_through_its_public_services()
    {
        // Features may call each other's public services (the inbox asks Teams who belongs where), never their internals.
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => FeatureOf(t) is not null)
            .SelectMany(t => DependenciesOf(t).Select(d => (Type: t, Dependency: d)))
            .Where(p => FeatureOf(p.Dependency) is { } other && other != FeatureOf(p.Type) && !p.Dependency.IsPublic && !p.Dependency.IsNestedPublic)
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

    private static List<string> Offenders(Func<string, bool> layer, Func<string, bool> forbidden) =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && layer(ns))
            .SelectMany(t => DependenciesOf(t).Select(d => (Type: t, Dependency: d)))
            .Where(p => p.Dependency.Namespace is { } ns && forbidden(ns))
            .Select(p => $"{p.Type.FullName} → {p.Dependency.FullName}")
            .Distinct()];

    private static string? FeatureOf(Type type) =>
        type.Namespace?.StartsWith("CareFlows.Server.Features.", StringComparison.Ordinal) == true ? type.Namespace.Split('.')[3] : null;

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
