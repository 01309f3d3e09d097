using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;

namespace CareFlows.Engine.Tests.TestSupport;

/// <summary>Builds small definitions in Elsa's JSON shape for tests.</summary>
public static class Flows
{
    public static JsonObject Activity(string id, string type, params (string Name, string TypeName, object? Value)[] literals)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, typeName, value) in literals)
        {
            activity[name] = Input(typeName, "Literal", value);
        }

        return activity;
    }

    public static JsonObject WriteLine(string text, string? id = null) =>
        Activity(id ?? "write-" + text.Replace(' ', '-'), "Elsa.WriteLine", ("text", "String", text));

    public static JsonObject Input(string typeName, string syntax, object? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = JsonValue.Create(value) },
    };

    public static JsonObject Connection(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    /// <summary>A flowchart that runs the activities one after another.</summary>
    public static WorkflowDefinition Sequence(params JsonObject[] activities)
    {
        var connections = activities.Zip(activities.Skip(1), (a, b) => Connection(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>())).ToArray();
        return Flowchart(activities, connections);
    }

    public static WorkflowDefinition Flowchart(JsonObject[] activities, JsonObject[] connections, JsonArray? variables = null, JsonObject? options = null) =>
        WorkflowDefinitionReader.Read(FlowchartJson(activities, connections, variables, options));

    public static JsonObject FlowchartJson(JsonObject[] activities, JsonObject[] connections, JsonArray? variables = null, JsonObject? options = null)
    {
        var json = new JsonObject
        {
            ["id"] = "test-v1",
            ["definitionId"] = "test",
            ["name"] = "Test",
            ["version"] = 1,
            ["variables"] = variables ?? [],
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray([.. activities.Select(a => (JsonNode)a.DeepClone())]),
                ["connections"] = new JsonArray([.. connections.Select(c => (JsonNode)c.DeepClone())]),
            },
        };
        if (options is not null)
        {
            json["options"] = options;
        }

        return json;
    }

    public static JsonObject Variable(string name, string typeName, string value) => new()
    {
        ["id"] = "var-" + name,
        ["name"] = name,
        ["typeName"] = typeName,
        ["value"] = value,
    };
}
