using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>A connection from an outcome port of one activity to the inbound port of another.</summary>
public sealed class ConnectionDefinition
{
    /// <summary>The inbound port name every Elsa activity uses.</summary>
    public const string DefaultTargetPort = "In";

    public ConnectionEndpoint Source { get; set; } = new("", "Done");

    public ConnectionEndpoint Target { get; set; } = new("", DefaultTargetPort);

    /// <summary>The designer's bend points, kept verbatim.</summary>
    public JsonArray? Vertices { get; set; }

    /// <summary>True when read in the 3.0 format (<c>source</c>, <c>sourcePort</c>, <c>target</c>, <c>targetPort</c>).</summary>
    public bool IsLegacyFormat { get; set; }

    /// <summary>Fields CareFlows does not model, kept verbatim.</summary>
    public JsonObject Extensions { get; init; } = [];

    public override string ToString() => $"{Source.Activity}:{Source.Port} -> {Target.Activity}:{Target.Port}";
}

/// <summary>One end of a connection: an activity id and a port name.</summary>
public sealed record ConnectionEndpoint(string Activity, string Port);
