using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions.Serialization;

/// <summary>
/// Reads Elsa 3 workflow-definition JSON: both connection formats, camelCase or PascalCase, explicit nulls,
/// a UTF-8 byte-order mark, and the 3.0 fields Elsa still honours. Unknown fields are kept verbatim.
/// </summary>
public static class WorkflowDefinitionReader
{

    /// <summary>Reads a definition from UTF-8 bytes, with or without a byte-order mark.</summary>
    public static WorkflowDefinition Read(ReadOnlySpan<byte> utf8) => Read(Parse(utf8));

    /// <summary>
    /// Parses UTF-8 JSON (with or without a byte-order mark, trailing commas and comments allowed) without reading it
    /// as a definition, for callers that accept several definitions at once. Malformed text, including a property
    /// named twice in one object, throws a <see cref="WorkflowDefinitionFormatException"/> naming the JSON path at fault.
    /// </summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        JsonNode? node;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            node = JsonNode.Parse(ref reader);
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionFormatException(MalformedJsonLocator.Locate(utf8), $"Malformed JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}", e);
        }

        // The parser accepts a name given twice in one object, but the object it builds would fail on first use.
        if (MalformedJsonLocator.FindDuplicateProperty(utf8) is var (path, name))
        {
            throw new WorkflowDefinitionFormatException(path, $"'{name}' is given more than once in the same object.");
        }

        return node;
    }

    /// <summary>Reads a definition from text; a leading byte-order mark character is ignored.</summary>
    public static WorkflowDefinition Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')));
    }

    /// <summary>Reads a definition from a stream of UTF-8 JSON.</summary>
    public static async Task<WorkflowDefinition> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads a definition from an already parsed JSON node.</summary>
    public static WorkflowDefinition Read(JsonNode? node) => Read(node, "$");

    /// <summary>
    /// Reads a definition found at <paramref name="path"/> of a larger document, for example <c>$[2]</c> of an array
    /// of definitions; errors name their place from there.
    /// </summary>
    public static WorkflowDefinition Read(JsonNode? node, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fields = new FieldReader(FieldReader.Expect(node, path, "a workflow definition"), path);
        var root = fields.Take("root") ?? throw new WorkflowDefinitionFormatException(fields.PathOf("root"), "'root' is required: a definition needs a root activity, normally an Elsa.Flowchart.");
        return new WorkflowDefinition
        {
            Id = fields.String("id"),
            DefinitionId = fields.String("definitionId"),
            TenantId = fields.String("tenantId"),
            Name = fields.String("name"),
            Description = fields.String("description"),
            CreatedAt = fields.DateTime("createdAt"),
            Version = fields.Int("version"),
            ToolVersion = fields.String("toolVersion"),
            Variables = ReadVariables(fields, "variables"),
            Inputs = fields.Array("inputs"),
            Outputs = fields.Array("outputs"),
            Outcomes = fields.Array("outcomes"),
            CustomProperties = fields.Object("customProperties"),
            IsReadonly = fields.Bool("isReadonly"),
            IsSystem = fields.Bool("isSystem"),
            IsLatest = fields.Bool("isLatest"),
            IsPublished = fields.Bool("isPublished"),
            Options = fields.Object("options"),
            Root = ReadActivity(root, fields.PathOf("root")),
            Extensions = fields.Rest(),
        };
    }

    /// <summary>Reads one activity; an <c>Elsa.Flowchart</c> becomes a <see cref="FlowchartDefinition"/>.</summary>
    public static ActivityDefinition ReadActivity(JsonNode? node, string path)
    {
        var fields = new FieldReader(FieldReader.Expect(node, path, "an activity"), path);
        var type = fields.RequiredString("type");
        var id = fields.String("id") ?? throw new WorkflowDefinitionFormatException(fields.PathOf("id"), $"The {type} activity has no 'id'.");
        var common = (
            Version: fields.Int("version"),
            NodeId: fields.String("nodeId"),
            Name: fields.String("name"),
            CustomProperties: fields.Object("customProperties"),
            Metadata: fields.Object("metadata"));

        ActivityDefinition activity;
        if (type == FlowchartDefinition.TypeName)
        {
            var activities = fields.Items("activities").Select(item => ReadActivity(item.Node, item.Path)).ToList();
            var connections = fields.Items("connections").Select(item => ReadConnection(item.Node, item.Path)).ToList();
            activity = new FlowchartDefinition
            {
                Activities = activities,
                Connections = connections,
                Variables = ReadVariables(fields, "variables"),
                Start = fields.String("start"),
                Properties = fields.Rest(),
            };
        }
        else
        {
            activity = new ActivityDefinition { Properties = fields.Rest() };
        }

        activity.Id = id;
        activity.Type = type;
        activity.Version = common.Version;
        activity.NodeId = common.NodeId;
        activity.Name = common.Name;
        activity.CustomProperties = common.CustomProperties;
        activity.Metadata = common.Metadata;
        return activity;
    }

    private static ConnectionDefinition ReadConnection(JsonNode? node, string path)
    {
        var fields = new FieldReader(FieldReader.Expect(node, path, "a connection"), path);
        var source = fields.Take("source");
        var target = fields.Take("target");
        if (source is JsonValue || target is JsonValue)
        {
            var legacySource = AsText(source, fields.PathOf("source"));
            var legacyTarget = AsText(target, fields.PathOf("target"));
            return new ConnectionDefinition
            {
                IsLegacyFormat = true,
                Source = new ConnectionEndpoint(legacySource, fields.String("sourcePort") ?? "Done"),
                Target = new ConnectionEndpoint(legacyTarget, fields.String("targetPort") ?? ConnectionDefinition.DefaultTargetPort),
                Extensions = fields.Rest(),
            };
        }

        return new ConnectionDefinition
        {
            Source = ReadEndpoint(source, fields.PathOf("source"), "Done"),
            Target = ReadEndpoint(target, fields.PathOf("target"), ConnectionDefinition.DefaultTargetPort),
            Vertices = fields.Array("vertices"),
            Extensions = fields.Rest(),
        };
    }

    private static ConnectionEndpoint ReadEndpoint(JsonNode? node, string path, string defaultPort)
    {
        var fields = new FieldReader(FieldReader.Expect(node, path, "a connection endpoint {activity, port}"), path);
        return new ConnectionEndpoint(fields.RequiredString("activity"), fields.String("port") ?? defaultPort);
    }

    private static string AsText(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new WorkflowDefinitionFormatException(path, $"Expected an activity id, found {FieldReader.Describe(node)}.");

    private static List<VariableDefinition>? ReadVariables(FieldReader parent, string field)
    {
        return parent.Take(field) is null
            ? null
            : parent.Items(field).Select(item => ReadVariable(item.Node, item.Path)).ToList();
    }

    internal static VariableDefinition ReadVariable(JsonNode? node, string path)
    {
        var fields = new FieldReader(FieldReader.Expect(node, path, "a variable"), path);
        return new VariableDefinition
        {
            Id = fields.String("id"),
            Name = fields.RequiredString("name"),
            TypeName = fields.String("typeName"),
            IsArray = fields.Bool("isArray"),
            Value = fields.Take("value")?.DeepClone(),
            StorageDriverTypeName = fields.String("storageDriverTypeName"),
            Extensions = fields.Rest(),
        };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
