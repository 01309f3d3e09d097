using System.Text.Json.Nodes;

namespace CareFlows.Server.Tests.Features.Definitions;

/// <summary>Small Elsa 3 definitions for the API tests, each under the definition id the test chooses.</summary>
internal static class DefinitionJson
{
    /// <summary>Start → WriteLine(<paramref name="text"/>) → End: valid and runnable.</summary>
    public static JsonObject Valid(string definitionId, string text = "hello", string? name = null) => Flowchart(
        definitionId,
        name ?? $"Says {text}",
        $$$$"""
        {"id": "start", "type": "Elsa.Start", "version": 1},
        {"id": "say", "type": "Elsa.WriteLine", "version": 1, "text": {"typeName": "String", "expression": {"type": "Literal", "value": "{{{{text}}}}"}}},
        {"id": "end", "type": "Elsa.End", "version": 1}
        """,
        """
        {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "say", "port": "In"}},
        {"source": {"activity": "say", "port": "Done"}, "target": {"activity": "end", "port": "In"}}
        """);

    /// <summary>Start → Event(<paramref name="eventName"/>) → WriteLine(<paramref name="text"/>) → End.</summary>
    public static JsonObject WaitingForEvent(string definitionId, string eventName, string text) => Flowchart(
        definitionId,
        $"Waits for {eventName}, then says {text}",
        $$$$"""
        {"id": "start", "type": "Elsa.Start", "version": 1},
        {"id": "wait", "type": "Elsa.Event", "version": 1, "eventName": {"typeName": "String", "expression": {"type": "Literal", "value": "{{{{eventName}}}}"}}},
        {"id": "say", "type": "Elsa.WriteLine", "version": 1, "text": {"typeName": "String", "expression": {"type": "Literal", "value": "{{{{text}}}}"}}},
        {"id": "end", "type": "Elsa.End", "version": 1}
        """,
        """
        {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "wait", "port": "In"}},
        {"source": {"activity": "wait", "port": "Done"}, "target": {"activity": "say", "port": "In"}},
        {"source": {"activity": "say", "port": "Done"}, "target": {"activity": "end", "port": "In"}}
        """);

    /// <summary>Two errors: an activity type CareFlows does not have, and a connection to a missing activity.</summary>
    public static JsonObject Invalid(string definitionId) => Flowchart(
        definitionId,
        "Broken",
        """
        {"id": "start", "type": "Elsa.Start", "version": 1},
        {"id": "mystery", "type": "Acme.Unknown", "version": 1}
        """,
        """
        {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "mystery", "port": "In"}},
        {"source": {"activity": "mystery", "port": "Done"}, "target": {"activity": "ghost", "port": "In"}}
        """);

    /// <summary>The JSON paths of the errors in <see cref="Invalid"/>.</summary>
    public static readonly string[] InvalidPaths = ["$.root.activities[1].type", "$.root.connections[1].target.activity"];

    private static JsonObject Flowchart(string definitionId, string name, string activities, string connections) =>
        JsonNode.Parse($$$$"""
        {
          "definitionId": "{{{{definitionId}}}}",
          "name": "{{{{name}}}}",
          "root": {"id": "flowchart", "type": "Elsa.Flowchart", "activities": [{{{{activities}}}}], "connections": [{{{{connections}}}}]}
        }
        """)!.AsObject();
}
