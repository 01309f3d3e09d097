using System.Text.Json.Nodes;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Reads a Server-Sent Events stream line by line, as a browser's EventSource would.</summary>
public static class EventStreams
{
    /// <summary>The next event line (<c>event: …</c>), skipping keep-alives.</summary>
    public static async Task<string> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal) && line != "event: keep-alive")
            {
                return line;
            }
        }
    }

    /// <summary>The data of the next event of this kind.</summary>
    public static async Task<JsonNode> NextDataAsync(StreamReader reader, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await NextEventAsync(reader, cancellationToken) != $"event: {kind}")
        {
        }

        var data = await reader.ReadLineAsync(cancellationToken);
        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        return JsonNode.Parse(data![6..])!;
    }
}
