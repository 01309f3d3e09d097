using CareFlows.Engine.Ports;

namespace CareFlows.Engine.Execution;

/// <summary>The clock, id source and limits every burst uses.</summary>
internal sealed record EngineServices(TimeProvider Clock, IIdentityGenerator Ids, EngineOptions Options);
