namespace CareFlows.Server.Infrastructure;

/// <summary>
/// A validator made for one request from data it reads (a task's form), not a service: assembly scanning leaves it out
/// of the container, which could not build it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BuiltPerRequestAttribute : Attribute;
