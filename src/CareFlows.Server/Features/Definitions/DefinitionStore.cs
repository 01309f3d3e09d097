using System.Security.Cryptography;
using System.Text;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Ports;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Definition versions, Elsa's way: each definition has one latest version (draft or published) and at most one
/// published version; a version once published is never edited again, so instances on it keep running unchanged.
/// </summary>
public sealed class DefinitionStore(
    CareFlowsDbContext db,
    WorkflowEngine engine,
    WorkflowCatalog catalog,
    IWorkflowTriggers triggers,
    IIdentityGenerator ids,
    TimeProvider clock)
{
    /// <summary>
    /// Stores a definition as a new version, optionally published. Importing content identical to a stored version
    /// adds nothing (and publishes that version if asked), so importing the same file twice is harmless.
    /// </summary>
    public async Task<ImportResult> ImportAsync(WorkflowDefinition definition, bool publish, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var definitionId = definition.DefinitionId ?? definition.Id ?? ids.NewId();
        var hash = ContentHash(definition);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var same = versions.Find(v => v.ContentHash == hash);
        if (same is not null)
        {
            if (publish && !same.IsPublished)
            {
                await PublishAsync(definitionId, same.Version, cancellationToken);
            }

            return new ImportResult(same, Created: false);
        }

        if (publish)
        {
            RequireValid(definition);
        }

        var record = NewVersion(definition, definitionId, versions, hash, user);
        await db.SaveChangesAsync(cancellationToken);
        if (publish)
        {
            await PublishAsync(definitionId, record.Version, cancellationToken);
        }

        return new ImportResult(record, Created: true);
    }

    /// <summary>Saves a draft: edits the latest version if it was never published, else starts a new version.</summary>
    public async Task<WorkflowDefinitionRecord> SaveDraftAsync(string definitionId, WorkflowDefinition definition, string? user, CancellationToken cancellationToken = default)
    {
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new NotFoundException($"Definition '{definitionId}' does not exist.");
        }

        var latest = versions.Single(v => v.IsLatest);
        if (latest.PublishedAt is not null)
        {
            var record = NewVersion(definition, definitionId, versions, ContentHash(definition), user);
            await db.SaveChangesAsync(cancellationToken);
            return record;
        }

        Stamp(definition, latest.Id, definitionId, latest.Version, isLatest: true, isPublished: false);
        latest.Json = WorkflowDefinitionWriter.WriteString(definition);
        latest.ContentHash = ContentHash(definition);
        latest.Name = definition.Name;
        latest.Description = definition.Description;
        latest.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    /// <summary>Publishes a version (the latest when none is named); the previously published one stops starting instances.</summary>
    public async Task<WorkflowDefinitionRecord> PublishAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var target = (version is { } v ? versions.Find(d => d.Version == v) : versions.Find(d => d.IsLatest))
            ?? throw new NotFoundException(version is null ? $"Definition '{definitionId}' does not exist." : $"Definition '{definitionId}' has no version {version}.");
        var definition = WorkflowDefinitionReader.Read(target.Json);
        RequireValid(definition);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var other in versions.Where(d => d.IsPublished && d != target))
        {
            other.IsPublished = false;
            other.Json = Restamp(other, isPublished: false);
        }

        target.IsPublished = true;
        target.PublishedAt ??= now;
        target.UpdatedAt = now;
        target.Json = Restamp(target, isPublished: true);
        await db.SaveChangesAsync(cancellationToken);
        catalog.ForgetPublished(definitionId);
        await triggers.RefreshAsync(cancellationToken);
        return target;
    }

    /// <summary>Makes an older version's content the new latest draft.</summary>
    public async Task<WorkflowDefinitionRecord> RevertAsync(string definitionId, int version, string? user, CancellationToken cancellationToken = default)
    {
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var source = versions.Find(d => d.Version == version)
            ?? throw new NotFoundException($"Definition '{definitionId}' has no version {version}.");
        var latest = versions.Single(v => v.IsLatest);
        if (latest.PublishedAt is null)
        {
            // An unpublished draft on top would be lost silently; the lead deletes it first, on purpose.
            throw new ConflictException($"Version {latest.Version} of '{definitionId}' is an unpublished draft; publish or delete it before reverting.");
        }

        var record = NewVersion(WorkflowDefinitionReader.Read(source.Json), definitionId, versions, source.ContentHash, user);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Deletes the latest version if it is a draft that was never published.</summary>
    public async Task DeleteDraftAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var latest = versions.SingleOrDefault(v => v.IsLatest)
            ?? throw new NotFoundException($"Definition '{definitionId}' does not exist.");
        if (latest.PublishedAt is not null)
        {
            throw new ConflictException($"Version {latest.Version} of '{definitionId}' has been published and cannot be deleted.");
        }

        db.Definitions.Remove(latest);
        if (versions.Where(v => v != latest).MaxBy(v => v.Version) is { } previous)
        {
            previous.IsLatest = true;
            previous.Json = Restamp(previous, previous.IsPublished);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public ValidationReport Validate(WorkflowDefinition definition) => engine.Validate(definition);

    private void RequireValid(WorkflowDefinition definition)
    {
        var report = engine.Validate(definition);
        if (!report.IsValid || !report.CanRun)
        {
            throw new DefinitionInvalidException(report);
        }
    }

    private WorkflowDefinitionRecord NewVersion(WorkflowDefinition definition, string definitionId, List<WorkflowDefinitionRecord> versions, string hash, string? user)
    {
        foreach (var previous in versions.Where(v => v.IsLatest))
        {
            previous.IsLatest = false;
            previous.Json = Restamp(previous, previous.IsPublished);
        }

        var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        var id = definition.Id is { } fileId && fileId != definitionId && !versions.Exists(v => v.Id == fileId) && versions.Count == 0
            ? fileId
            : ids.NewId();
        var now = clock.GetUtcNow();
        definition.CreatedAt ??= now;
        Stamp(definition, id, definitionId, version, isLatest: true, isPublished: false);
        var record = new WorkflowDefinitionRecord
        {
            Id = id,
            DefinitionId = definitionId,
            Version = version,
            Name = definition.Name,
            Description = definition.Description,
            IsLatest = true,
            Json = WorkflowDefinitionWriter.WriteString(definition),
            ContentHash = hash,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
            CreatedBy = user,
        };
        db.Definitions.Add(record);
        return record;
    }

    private static void Stamp(WorkflowDefinition definition, string id, string definitionId, int version, bool isLatest, bool isPublished)
    {
        definition.Id = id;
        definition.DefinitionId = definitionId;
        definition.Version = version;
        definition.IsLatest = isLatest;
        definition.IsPublished = isPublished;
    }

    // The stored JSON carries Elsa's version flags, so an export says what the store says.
    private static string Restamp(WorkflowDefinitionRecord record, bool isPublished)
    {
        var definition = WorkflowDefinitionReader.Read(record.Json);
        Stamp(definition, record.Id, record.DefinitionId, record.Version, record.IsLatest, isPublished);
        return WorkflowDefinitionWriter.WriteString(definition);
    }

    /// <summary>A hash of what the definition does, ignoring the fields the store itself sets.</summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = WorkflowDefinitionWriter.ToJson(definition);
        foreach (var key in new[] { "id", "definitionId", "version", "isLatest", "isPublished", "createdAt" })
        {
            json.Remove(key);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }
}

/// <param name="Record">The stored version.</param>
/// <param name="Created">False when identical content was already stored.</param>
public sealed record ImportResult(WorkflowDefinitionRecord Record, bool Created);

/// <summary>The definition has validation errors or cannot run (422, listing every problem).</summary>
public sealed class DefinitionInvalidException(ValidationReport report)
    : Exception($"The definition is invalid: {string.Join(" ", report.Errors.Select(e => $"{e.Path}: {e.Message}"))}")
{
    public ValidationReport Report => report;
}
