using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions.Serialization;

/// <summary>
/// Writes definitions in Elsa 3's current shape (camelCase, nulls left out) with every field that was read
/// and not modelled written back verbatim. Connections read in the 3.0 format are written as they were read.
/// </summary>
public static class WorkflowDefinitionWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The definition as indented JSON text.</summary>
    public static string WriteString(WorkflowDefinition definition) => ToJson(definition).ToJsonString(Indented);

    /// <summary>The definition as UTF-8 JSON without a byte-order mark.</summary>
    public static byte[] WriteUtf8(WorkflowDefinition definition) => Encoding.UTF8.GetBytes(WriteString(definition));

    /// <summary>The definition as a JSON object.</summary>
    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject();
        WriteLeadingExtensions(json, definition.Extensions);
        Put(json, "id", definition.Id);
        Put(json, "definitionId", definition.DefinitionId);
        Put(json, "tenantId", definition.TenantId);
        Put(json, "name", definition.Name);
        Put(json, "description", definition.Description);
        Put(json, "createdAt", definition.CreatedAt is { } createdAt ? FormatTimestamp(createdAt) : null);
        Put(json, "version", definition.Version);
        Put(json, "toolVersion", definition.ToolVersion);
        Put(json, "variables", WriteVariables(definition.Variables));
        Put(json, "inputs", definition.Inputs?.DeepClone());
        Put(json, "outputs", definition.Outputs?.DeepClone());
        Put(json, "outcomes", definition.Outcomes?.DeepClone());
        Put(json, "customProperties", definition.CustomProperties?.DeepClone());
        Put(json, "isReadonly", definition.IsReadonly);
        Put(json, "isSystem", definition.IsSystem);
        Put(json, "isLatest", definition.IsLatest);
        Put(json, "isPublished", definition.IsPublished);
        Put(json, "options", definition.Options?.DeepClone());
        Put(json, "root", WriteActivity(definition.Root));
        WriteTrailingExtensions(json, definition.Extensions);
        return json;
    }

    /// <summary>One activity (and, for a flowchart, everything inside it) as a JSON object.</summary>
    public static JsonObject WriteActivity(ActivityDefinition activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var json = new JsonObject();
        Put(json, "id", activity.Id);
        Put(json, "nodeId", activity.NodeId);
        Put(json, "name", activity.Name);
        Put(json, "type", activity.Type);
        Put(json, "version", activity.Version);
        Put(json, "customProperties", activity.CustomProperties?.DeepClone());
        Put(json, "metadata", activity.Metadata?.DeepClone());
        if (activity is FlowchartDefinition flowchart)
        {
            Put(json, "start", flowchart.Start);
            json["activities"] = new JsonArray([.. flowchart.Activities.Select(a => (JsonNode)WriteActivity(a))]);
            Put(json, "variables", WriteVariables(flowchart.Variables));
            json["connections"] = new JsonArray([.. flowchart.Connections.Select(c => (JsonNode)WriteConnection(c))]);
        }

        WriteTrailingExtensions(json, activity.Properties);
        return json;
    }

    private static JsonObject WriteConnection(ConnectionDefinition connection)
    {
        var json = new JsonObject();
        if (connection.IsLegacyFormat)
        {
            json["source"] = connection.Source.Activity;
            json["target"] = connection.Target.Activity;
            json["sourcePort"] = connection.Source.Port;
            json["targetPort"] = connection.Target.Port;
        }
        else
        {
            json["source"] = new JsonObject { ["activity"] = connection.Source.Activity, ["port"] = connection.Source.Port };
            json["target"] = new JsonObject { ["activity"] = connection.Target.Activity, ["port"] = connection.Target.Port };
            Put(json, "vertices", connection.Vertices?.DeepClone());
        }

        WriteTrailingExtensions(json, connection.Extensions);
        return json;
    }

    private static JsonArray? WriteVariables(List<VariableDefinition>? variables) =>
        variables is null ? null : new JsonArray([.. variables.Select(v => (JsonNode)WriteVariable(v))]);

    internal static JsonObject WriteVariable(VariableDefinition variable)
    {
        var json = new JsonObject();
        Put(json, "id", variable.Id);
        Put(json, "name", variable.Name);
        Put(json, "typeName", variable.TypeName);
        Put(json, "isArray", variable.IsArray);
        Put(json, "value", variable.Value?.DeepClone());
        Put(json, "storageDriverTypeName", variable.StorageDriverTypeName);
        WriteTrailingExtensions(json, variable.Extensions);
        return json;
    }

    /// <summary>Elsa's timestamp shape: ISO 8601 with the offset and only the fraction digits needed.</summary>
    internal static string FormatTimestamp(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void Put(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Put(JsonObject json, string name, string? value) => Put(json, name, value is null ? null : JsonValue.Create(value));

    private static void Put(JsonObject json, string name, int? value) => Put(json, name, value is null ? null : JsonValue.Create(value.Value));

    private static void Put(JsonObject json, string name, bool? value) => Put(json, name, value is null ? null : JsonValue.Create(value.Value));

    // "$schema" and similar markers read first in Elsa's exports, so they are written first too.
    private static void WriteLeadingExtensions(JsonObject json, JsonObject extensions)
    {
        foreach (var (key, value) in extensions)
        {
            if (key.StartsWith('$'))
            {
                json[key] = value?.DeepClone();
            }
        }
    }

    private static void WriteTrailingExtensions(JsonObject json, JsonObject extensions)
    {
        foreach (var (key, value) in extensions)
        {
            if (!JsonKeys.Has(json, key))
            {
                json[key] = value?.DeepClone();
            }
        }
    }
}
