using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Definitions.Serialization;

public class WorkflowDefinitionRoundTripTests
{
    public static TheoryData<string> CompatFiles => [.. TestSupport.Definitions.CompatFiles];

    [Fact]
    public void The_compatibility_corpus_is_present()
    {
        Assert.Equal(6, TestSupport.Definitions.CompatFiles.Count());
    }

    [Theory]
    [MemberData(nameof(CompatFiles))]
    public void Export_after_import_equals_the_file(string fileName)
    {
        var bytes = TestSupport.Definitions.CompatBytes(fileName);
        var original = JsonNode.Parse(StripBom(bytes));

        var exported = WorkflowDefinitionWriter.ToJson(WorkflowDefinitionReader.Read(bytes));

        JsonAssert.Equivalent(original, exported);
    }

    [Theory]
    [MemberData(nameof(CompatFiles))]
    public void A_second_round_trip_changes_nothing(string fileName)
    {
        var once = WorkflowDefinitionWriter.WriteString(TestSupport.Definitions.Compat(fileName));
        var twice = WorkflowDefinitionWriter.WriteString(WorkflowDefinitionReader.Read(once));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = TestSupport.Definitions.CompatBytes("timer-workflow.json");
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));

        var definition = WorkflowDefinitionReader.Read(bytes);

        Assert.Equal("TimerWorkflow", definition.Name);
        Assert.Equal("Elsa.Timer", definition.Flowchart!.Activities[1].Type);
    }

    [Fact]
    public void Legacy_connections_are_read_and_written_back_in_their_format()
    {
        var definition = TestSupport.Definitions.Compat("implicit-loop.json");
        var connection = definition.Flowchart!.Connections[0];

        Assert.True(connection.IsLegacyFormat);
        Assert.Equal(("WriteLine1", "Done", "SetVariable1", "In"), (connection.Source.Activity, connection.Source.Port, connection.Target.Activity, connection.Target.Port));
        Assert.Equal("Start1", definition.Flowchart.Start);
    }

    [Fact]
    public void Current_connections_keep_their_vertices()
    {
        var definition = TestSupport.Definitions.Compat("fork-decision-join-waitall.json");

        Assert.All(definition.Flowchart!.Connections, c => Assert.NotNull(c.Vertices));
        Assert.False(definition.Flowchart.Connections[0].IsLegacyFormat);
    }

    [Fact]
    public void Unknown_fields_and_activity_types_survive_verbatim()
    {
        const string json = """
            {
              "id": "v1", "definitionId": "d1", "futureField": {"nested": [1, 2.50, null]},
              "root": {
                "type": "Elsa.Flowchart", "id": "fc", "activities": [
                  {"id": "a", "type": "Acme.Teleport", "destination": {"typeName": "String", "expression": {"type": "Literal", "value": "Mars"}}, "extra": true},
                  {"id": "b", "type": "Elsa.WriteLine", "name": null, "text": "bare text"}
                ],
                "connections": [{"source": {"activity": "a", "port": "Arrived"}, "target": {"activity": "b", "port": "In"}, "label": "x"}]
              }
            }
            """;

        var exported = WorkflowDefinitionWriter.ToJson(WorkflowDefinitionReader.Read(json));

        JsonAssert.Equivalent(JsonNode.Parse(json), exported);
    }

    [Fact]
    public void PascalCase_properties_are_read()
    {
        const string json = """
            {"Id": "v1", "DefinitionId": "d1", "Name": "Pascal", "Version": 3,
             "Root": {"Type": "Elsa.Flowchart", "Id": "fc",
               "Activities": [{"Id": "w", "Type": "Elsa.WriteLine", "Text": {"TypeName": "String", "Expression": {"Type": "Literal", "Value": "hi"}}}],
               "Connections": []}}
            """;

        var definition = WorkflowDefinitionReader.Read(json);

        Assert.Equal(("d1", "Pascal", 3), (definition.DefinitionId, definition.Name, definition.Version));
        Assert.Equal("hi", definition.Flowchart!.Activities[0].GetInput("text")!.Expression.Text);
    }

    [Theory]
    [InlineData("""{"id": "x", "root": {"type": "Elsa.Flowchart", "id": "fc", "activities": [{"id": "a"}]}}""", "$.root.activities[0].type")]
    [InlineData("""{"id": "x", "version": "two", "root": {"type": "Elsa.Flowchart", "id": "fc"}}""", "$.version")]
    [InlineData("""{"id": "x"}""", "$.root")]
    [InlineData("""{"id": "x", "root": {"type": "Elsa.Flowchart", "id": "fc", "connections": [{"source": {"port": "Done"}, "target": {"activity": "b"}}]}}""", "$.root.connections[0].source.activity")]
    [InlineData("""[1, 2]""", "$")]
    public void Unreadable_definitions_name_the_json_path_at_fault(string json, string path)
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinitionReader.Read(json));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void Malformed_json_reports_its_position()
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinitionReader.Read("""{"id": "x", "root": {"type": }}"""));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.root.type", error.JsonPath);
    }

    [Fact]
    public void A_definition_inside_a_larger_document_names_paths_from_its_own_place()
    {
        var array = WorkflowDefinitionReader.Parse("""[{"id": "x", "root": {"type": "Elsa.Flowchart", "id": "fc"}}, {"id": "y", "root": {"type": "Elsa.Flowchart", "id": "fc", "activities": [{"id": "a"}]}}]"""u8)!.AsArray();

        Assert.Equal("x", WorkflowDefinitionReader.Read(array[0], "$[0]").Id);
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinitionReader.Read(array[1], "$[1]"));
        Assert.Equal("$[1].root.activities[0].type", error.JsonPath);
    }

    [Fact]
    public void Parsing_malformed_text_names_the_path_inside_an_array()
    {
        byte[] withBom = [.. Encoding.UTF8.Preamble, .. """[{"id": "x"}, {"id": "y", "root": {"activities": [{"type": }]}}]"""u8];

        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinitionReader.Parse(withBom));

        Assert.Equal("$[1].root.activities[0].type", error.JsonPath);
    }

    [Theory]
    [InlineData("""{"id": "x", "id": "y", "root": {"type": "Elsa.Flowchart", "id": "fc"}}""", "$.id")]
    [InlineData("""{"id": "x", "root": {"type": "Elsa.Flowchart", "id": "fc", "activities": [{"id": "a", "type": "Elsa.Start"}, {"id": "b", "type": "Elsa.End", "type": "Elsa.End"}]}}""", "$.root.activities[1].type")]
    [InlineData("""[[{"a": 1}], [{"b": 1}, {"c": 1, "c": 2}]]""", "$[1][1].c")]
    public void A_property_named_twice_in_one_object_is_refused_with_its_path(string json, string path)
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinitionReader.Read(json));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void Names_that_differ_only_in_case_or_repeat_in_different_objects_are_not_duplicates()
    {
        var node = WorkflowDefinitionReader.Parse("""{"a": {"x": 1}, "b": {"x": 1, "X": 2}}"""u8);

        Assert.Equal(2, node!["b"]!.AsObject().Count);
    }

    private static byte[] StripBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
}
