using System.Text.Json.Nodes;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Tests.Runtime;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{"a": 1, "b": [true, null, "x"]}""", """{ "b" : [true,null,"x"], "a":1 }""")]
    [InlineData("""{"n": 1}""", """{"n": 1.0}""")]
    [InlineData("""{"n": 100}""", """{"n": 1e2}""")]
    [InlineData("""{"n": -0.50}""", """{"n": -0.5}""")]
    [InlineData("""{"o": {"z": 1, "y": {"b": 2, "a": 1}}}""", """{"o": {"y": {"a": 1, "b": 2}, "z": 1}}""")]
    public void Payloads_that_differ_only_in_spelling_hash_alike(string one, string other) =>
        Assert.Equal(CanonicalJson.Hash(JsonNode.Parse(one)), CanonicalJson.Hash(JsonNode.Parse(other)));

    [Theory]
    [InlineData("""{"n": 1}""", """{"n": 2}""")]
    [InlineData("""{"n": 1}""", """{"n": "1"}""")]
    [InlineData("""[1, 2]""", """[2, 1]""")]
    [InlineData("""{"a": null}""", """{}""")]
    [InlineData("""null""", """{}""")]
    public void Different_payloads_hash_apart(string one, string other) =>
        Assert.NotEqual(CanonicalJson.Hash(JsonNode.Parse(one)), CanonicalJson.Hash(JsonNode.Parse(other)));

    [Fact]
    public void No_payload_hashes_as_null() =>
        Assert.Equal(CanonicalJson.Hash(null), CanonicalJson.Hash(JsonNode.Parse("null")));

    [Fact]
    public void Numbers_beyond_a_decimal_keep_their_text() =>
        Assert.NotEqual(CanonicalJson.Hash(JsonNode.Parse("1e400")), CanonicalJson.Hash(JsonNode.Parse("1e401")));
}
