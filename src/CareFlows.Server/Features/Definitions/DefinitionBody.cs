using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Reads definitions from a request body: the raw bytes go to the engine's reader, so a malformed body is refused
/// with the JSON path at fault (400), and a body over the size limit with 413, whatever the server's own limits.
/// </summary>
internal static class DefinitionBody
{
    /// <summary>The body as one Elsa 3 definition.</summary>
    public static async Task<WorkflowDefinition> ReadDefinitionAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken) =>
        WorkflowDefinitionReader.Read(await ReadAllAsync(request.Body, maxBytes, cancellationToken));

    /// <summary>
    /// The definitions of an import: one definition object or an array of them, or a multipart form with one or
    /// several files, each holding a definition or an array of them.
    /// </summary>
    public static async Task<IReadOnlyList<ImportItem>> ReadImportAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var body = await ReadAllAsync(request.Body, maxBytes, cancellationToken);
        if (!request.HasFormContentType)
        {
            return Items(WorkflowDefinitionReader.Parse(body), "$", file: null);
        }

        // The form is read from the bytes already counted against the limit.
        request.Body = new MemoryStream(body, writable: false);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new MalformedRequestException(new Dictionary<string, string[]> { ["$"] = [$"The multipart body is malformed: {e.Message}"] });
        }

        var items = new List<ImportItem>();
        for (var i = 0; i < form.Files.Count; i++)
        {
            items.AddRange(await ReadFileAsync(form.Files[i], form.Files.Count == 1 ? "$" : $"$[{i}]", maxBytes, cancellationToken));
        }

        return items;
    }

    private static async Task<List<ImportItem>> ReadFileAsync(IFormFile file, string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        var bytes = await ReadAllAsync(stream, maxBytes, cancellationToken);
        JsonNode? node;
        try
        {
            node = WorkflowDefinitionReader.Parse(bytes);
        }
        catch (WorkflowDefinitionFormatException e)
        {
            throw InFile(file, ImportItem.Rebase(path, e.JsonPath), e);
        }

        try
        {
            return Items(node, path, file.FileName);
        }
        catch (WorkflowDefinitionFormatException e)
        {
            throw InFile(file, e.JsonPath, e);
        }
    }

    private static WorkflowDefinitionFormatException InFile(IFormFile file, string path, WorkflowDefinitionFormatException error) =>
        new(path, $"In file '{file.FileName}': {error.Reason}", error);

    private static List<ImportItem> Items(JsonNode? node, string path, string? file) => node is JsonArray array
        ? [.. array.Select((element, i) => Item(element, $"{path}[{i}]", file))]
        : [Item(node, path, file)];

    private static ImportItem Item(JsonNode? node, string path, string? file) => new(path, WorkflowDefinitionReader.Read(node, path), file);

    private static async Task<byte[]> ReadAllAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BadHttpRequestException($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
