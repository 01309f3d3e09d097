using CareFlows.Engine.Calendar;
using CareFlows.Engine.Ports;

namespace CareFlows.Engine.Execution;

/// <summary>The clock, id source, limits and business-day calendar every burst uses.</summary>
internal sealed record EngineServices(TimeProvider Clock, IIdentityGenerator Ids, EngineOptions Options, BusinessCalendar Calendar);
