using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Reads of stored versions shared by the endpoints.</summary>
internal static class DefinitionQueries
{
    /// <summary>The latest version of a definition, or the numbered one; 404 when there is no such version.</summary>
    public static async Task<WorkflowDefinitionRecord> FindVersionAsync(this IQueryable<WorkflowDefinitionRecord> definitions, string definitionId, int? version, CancellationToken cancellationToken)
    {
        var versions = definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var record = version is { } v
            ? await versions.FirstOrDefaultAsync(d => d.Version == v, cancellationToken)
            : await versions.FirstOrDefaultAsync(d => d.IsLatest, cancellationToken);
        return record ?? throw new NotFoundException(version is null
            ? $"Definition '{definitionId}' does not exist."
            : $"Definition '{definitionId}' has no version {version}.");
    }
}
