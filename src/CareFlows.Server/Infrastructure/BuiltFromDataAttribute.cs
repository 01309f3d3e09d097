namespace CareFlows.Server.Infrastructure;

/// <summary>
/// A validator made from data (a task's form), not a service: assembly scanning leaves it out of the container, which
/// could not build it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BuiltFromDataAttribute : Attribute;
