using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Imports every <c>workflows/*.json</c> as a published definition at start-up. Unchanged files add nothing, so a
/// restart never duplicates versions nor republishes a retired one; a changed file becomes the new published version.
/// </summary>
public static partial class WorkflowFileImporter
{
    public static async Task ImportAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkflowFileImporter));
        var folder = Path.GetFullPath(configuration["Workflows:Path"] ?? "workflows", AppContext.BaseDirectory);
        if (!Directory.Exists(folder))
        {
            LogNoFolder(logger, folder);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            try
            {
                await using var stream = File.OpenRead(file);
                var definition = await WorkflowDefinitionReader.ReadAsync(stream, cancellationToken);
                var result = await store.ImportFileAsync(definition, cancellationToken);
                LogImported(logger, Path.GetFileName(file), result.Record.DefinitionId, result.Record.Version, result.Created);
            }
            catch (Exception e) when (e is WorkflowDefinitionFormatException or DefinitionInvalidException or ConflictException)
            {
                // One broken file must not keep the others (or the server) from starting; a conflict means another
                // node starting at the same time stored the file first.
                LogRejected(logger, e, Path.GetFileName(file));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow file {File}: definition {DefinitionId} version {Version} (new: {Created}).")]
    private static partial void LogImported(ILogger logger, string file, string definitionId, int version, bool created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} was not imported.")]
    private static partial void LogRejected(ILogger logger, Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No workflow folder at {Folder}; no definitions imported.")]
    private static partial void LogNoFolder(ILogger logger, string folder);
}
