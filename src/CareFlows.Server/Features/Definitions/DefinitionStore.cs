using System.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Ports;
using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Definition versions, Elsa's way: each definition has one latest version (draft or published) and at most one
/// published version; a version once published is never edited again, so instances on it keep running unchanged.
/// Every change runs in one serializable transaction, so a failed or refused request leaves nothing behind and two
/// concurrent changes to one definition cannot both win (the loser gets a <see cref="ConflictException"/>).
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
    public async Task<ImportResult> ImportAsync(WorkflowDefinition definition, bool publish, DefinitionEditor editor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (await ImportAsync([definition], publish, editor, cancellationToken))[0];
    }

    /// <summary>
    /// Imports a workflow file at start-up: new content becomes the published version, while content identical to a
    /// stored version leaves that version as it is. A version someone retired therefore stays retired across restarts.
    /// </summary>
    public async Task<ImportResult> ImportFileAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (await ImportAsync([definition], publish: true, keepRetired: true, DefinitionEditor.System, cancellationToken))[0];
    }

    /// <summary>
    /// Imports several definitions all or nothing, in order (a later one with the same definition id becomes the next
    /// version). With <paramref name="publish"/> every one must be valid, else nothing is stored.
    /// </summary>
    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<WorkflowDefinition> definitions, bool publish, DefinitionEditor editor, CancellationToken cancellationToken = default) =>
        ImportAsync(definitions, publish, keepRetired: false, editor, cancellationToken);

    private async Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<WorkflowDefinition> definitions, bool publish, bool keepRetired, DefinitionEditor editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var published = new List<string>();
        var results = await WriteAsync(
            async () =>
            {
                var imported = new List<ImportResult>(definitions.Count);
                var changes = new JsonArray();
                foreach (var definition in definitions)
                {
                    var (result, changed) = await ImportOneAsync(definition, publish, keepRetired, editor, cancellationToken);
                    imported.Add(result);
                    if (changed)
                    {
                        published.Add(result.Record.DefinitionId);
                    }

                    if (changed || result.Created)
                    {
                        changes.Add(Describe(result.Record));
                    }
                }

                return (imported, ImportChange(imported, changes));
            },
            cancellationToken);
        if (published.Count > 0)
        {
            await AnnouncePublishedAsync(published, cancellationToken);
        }

        return results;
    }

    // One record for the whole import, naming what it added or published; an import that changed nothing records nothing.
    private static AuditChange? ImportChange(List<ImportResult> imported, JsonArray changes) =>
        changes.Count == 0 ? null : new AuditChange("definition.import", AuditActions.Create, EntityType, string.Join(",", imported.Select(i => i.Record.DefinitionId).Distinct(StringComparer.Ordinal)))
        {
            After = new JsonObject { ["versions"] = changes },
            DefinitionId = imported.Count == 1 ? imported[0].Record.DefinitionId : null,
            DefinitionVersion = imported.Count == 1 ? imported[0].Record.Version : null,
        };

    /// <summary>Creates a new definition as a version 1 draft; a definition id that already exists is a conflict.</summary>
    public Task<WorkflowDefinitionRecord> CreateAsync(WorkflowDefinition definition, DefinitionEditor editor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var definitionId = definition.DefinitionId ?? ids.NewId();
        return WriteAsync(
            async () =>
            {
                if (await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId, cancellationToken))
                {
                    throw new ConflictException($"Definition '{definitionId}' already exists; save a draft of it instead.");
                }

                var record = await NewVersionAsync(definition, definitionId, [], ContentHash(definition), editor, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return (record, Change("definition.create", AuditActions.Create, record, before: null));
            },
            cancellationToken);
    }

    /// <summary>
    /// Saves a draft: edits the latest version if it was never published, else starts a new version. With
    /// <paramref name="ifMatch"/> the latest version must still be the one with that etag (see <see cref="DefinitionEtag"/>).
    /// </summary>
    public Task<WorkflowDefinitionRecord> SaveDraftAsync(string definitionId, WorkflowDefinition definition, DefinitionEditor editor, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return WriteAsync(
            async () =>
            {
                var versions = await VersionsAsync(definitionId, cancellationToken);
                var latest = versions.Single(v => v.IsLatest);
                if (!DefinitionEtag.Matches(ifMatch, latest))
                {
                    throw new ConflictException(
                        $"Version {latest.Version} of '{definitionId}' was changed by someone else at {latest.UpdatedAt:u} since you opened it; reload it to see their change, or overwrite it with yours.");
                }

                if (latest.PublishedAt is not null)
                {
                    // A new version is made now, whatever creation time the edited copy carried.
                    definition.CreatedAt = null;
                    var record = await NewVersionAsync(definition, definitionId, versions, ContentHash(definition), editor, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    return (record, Change("definition.save-draft", AuditActions.Create, record, Describe(latest)));
                }

                var before = Describe(latest);
                definition.CreatedAt = WorkflowDefinitionReader.Read(latest.Json).CreatedAt;
                Stamp(definition, latest.Id, definitionId, latest.Version, isLatest: true, isPublished: false);
                latest.Json = WorkflowDefinitionWriter.WriteString(definition);
                latest.ContentHash = ContentHash(definition);
                latest.Name = definition.Name;
                latest.Description = definition.Description;
                latest.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                latest.UpdatedBy = editor.UserId;
                await db.SaveChangesAsync(cancellationToken);
                return (latest, Change("definition.save-draft", AuditActions.Update, latest, before));
            },
            cancellationToken);
    }

    /// <summary>Publishes a version (the latest when none is named); the previously published one stops starting instances.</summary>
    public async Task<WorkflowDefinitionRecord> PublishAsync(string definitionId, int? version, DefinitionEditor editor, CancellationToken cancellationToken = default)
    {
        var record = await WriteAsync(
            async () =>
            {
                var versions = await VersionsAsync(definitionId, cancellationToken);
                var target = (version is { } v ? versions.Find(d => d.Version == v) : versions.Find(d => d.IsLatest))
                    ?? throw new NotFoundException($"Definition '{definitionId}' has no version {version}.");
                var before = Describe(target);
                await PublishAsync(target, versions, editor, cancellationToken);
                return (target, Change("definition.publish", AuditActions.Update, target, before));
            },
            cancellationToken);
        await AnnouncePublishedAsync([definitionId], cancellationToken);
        return record;
    }

    /// <summary>
    /// Retires the published version: it starts no new instances and its triggers are disarmed (on every node within
    /// <c>Runtime:PublishedPollInterval</c>), while instances already running on it finish on it.
    /// </summary>
    public async Task<WorkflowDefinitionRecord> RetireAsync(string definitionId, DefinitionEditor editor, CancellationToken cancellationToken = default)
    {
        var record = await WriteAsync(
            async () =>
            {
                var versions = await VersionsAsync(definitionId, cancellationToken);
                var published = versions.Find(v => v.IsPublished)
                    ?? throw new ConflictException($"Definition '{definitionId}' has no published version to retire.");
                var before = Describe(published);
                published.IsPublished = false;
                published.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                published.UpdatedBy = editor.UserId;
                published.Json = Restamp(published, isPublished: false);
                await db.SaveChangesAsync(cancellationToken);
                return (published, Change("definition.retire", AuditActions.Update, published, before));
            },
            cancellationToken);
        await AnnouncePublishedAsync([definitionId], cancellationToken);
        return record;
    }

    /// <summary>
    /// Deletes every version of a definition that no instance ever ran on. A published definition is retired first, so
    /// that no start can race the delete; one with instances keeps its versions, which its instances' history needs.
    /// </summary>
    public Task DeleteAsync(string definitionId, CancellationToken cancellationToken = default) => WriteAsync(
        async () =>
        {
            var versions = await VersionsAsync(definitionId, cancellationToken);
            if (versions.Any(v => v.IsPublished))
            {
                throw new ConflictException($"Definition '{definitionId}' is published; retire it before deleting it.");
            }

            var instances = await db.Instances.CountAsync(i => i.DefinitionId == definitionId, cancellationToken);
            if (instances > 0)
            {
                throw new ConflictException($"Definition '{definitionId}' has {instances} instance(s), whose history needs it; it can be retired but not deleted.");
            }

            db.Definitions.RemoveRange(versions);
            await db.SaveChangesAsync(cancellationToken);
            return (true, (AuditChange?)new AuditChange("definition.delete", AuditActions.Delete, EntityType, definitionId)
            {
                Before = new JsonObject { ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Describe(v))]) },
                DefinitionId = definitionId,
            });
        },
        cancellationToken);

    /// <summary>Makes an older version's content the new latest draft.</summary>
    public Task<WorkflowDefinitionRecord> RevertAsync(string definitionId, int version, DefinitionEditor editor, CancellationToken cancellationToken = default) => WriteAsync(
        async () =>
        {
            var versions = await VersionsAsync(definitionId, cancellationToken);
            var source = versions.Find(d => d.Version == version)
                ?? throw new NotFoundException($"Definition '{definitionId}' has no version {version}.");
            var latest = versions.Single(v => v.IsLatest);
            if (latest.PublishedAt is null)
            {
                // An unpublished draft on top would be lost silently; the lead deletes it first, on purpose.
                throw new ConflictException($"Version {latest.Version} of '{definitionId}' is an unpublished draft; publish or delete it before reverting.");
            }

            var definition = WorkflowDefinitionReader.Read(source.Json);
            definition.CreatedAt = null;
            var record = await NewVersionAsync(definition, definitionId, versions, source.ContentHash, editor, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (record, Change("definition.revert", AuditActions.Create, record, Describe(latest)));
        },
        cancellationToken);

    /// <summary>Deletes the latest version if it is a draft that was never published.</summary>
    public Task DeleteDraftAsync(string definitionId, CancellationToken cancellationToken = default) => WriteAsync(
        async () =>
        {
            var versions = await VersionsAsync(definitionId, cancellationToken);
            var latest = versions.Single(v => v.IsLatest);
            if (latest.PublishedAt is not null)
            {
                throw new ConflictException($"Version {latest.Version} of '{definitionId}' has been published and cannot be deleted.");
            }

            var before = Describe(latest);
            db.Definitions.Remove(latest);
            if (versions.Where(v => v != latest).MaxBy(v => v.Version) is { } previous)
            {
                previous.IsLatest = true;
                previous.Json = Restamp(previous, previous.IsPublished);
            }

            await db.SaveChangesAsync(cancellationToken);
            return (true, (AuditChange?)new AuditChange("definition.delete-draft", AuditActions.Delete, EntityType, definitionId)
            {
                Before = before,
                DefinitionId = definitionId,
                DefinitionVersion = latest.Version,
            });
        },
        cancellationToken);

    public ValidationReport Validate(WorkflowDefinition definition) => engine.Validate(definition);

    // Returns whether a version was published by this import.
    private async Task<(ImportResult Result, bool Published)> ImportOneAsync(WorkflowDefinition definition, bool publish, bool keepRetired, DefinitionEditor editor, CancellationToken cancellationToken)
    {
        var definitionId = definition.DefinitionId ?? definition.Id ?? ids.NewId();
        var hash = ContentHash(definition);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var record = versions.Find(v => v.ContentHash == hash);
        var created = record is null;
        if (record is null)
        {
            if (publish)
            {
                RequireValid(definition);
            }

            record = await NewVersionAsync(definition, definitionId, versions, hash, editor, cancellationToken);
            versions.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        var publishing = publish && !record.IsPublished && !(keepRetired && !created && record.PublishedAt is not null);
        if (publishing)
        {
            await PublishAsync(record, versions, editor, cancellationToken);
        }

        return (new ImportResult(record, created), publishing);
    }

    private async Task PublishAsync(WorkflowDefinitionRecord target, List<WorkflowDefinitionRecord> versions, DefinitionEditor editor, CancellationToken cancellationToken)
    {
        RequireValid(WorkflowDefinitionReader.Read(target.Json));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var other in versions.Where(d => d.IsPublished && d != target))
        {
            other.IsPublished = false;
            other.Json = Restamp(other, isPublished: false);
        }

        target.IsPublished = true;
        target.PublishedAt ??= now;
        target.UpdatedAt = now;
        target.UpdatedBy = editor.UserId;
        target.Json = Restamp(target, isPublished: true);
        await db.SaveChangesAsync(cancellationToken);
    }

    // After commit only: another request must not arm triggers or cache a version that might still roll back.
    private async Task AnnouncePublishedAsync(IEnumerable<string> definitionIds, CancellationToken cancellationToken)
    {
        foreach (var definitionId in definitionIds)
        {
            catalog.ForgetPublished(definitionId);
        }

        await triggers.RefreshAsync(cancellationToken);
    }

    private async Task<List<WorkflowDefinitionRecord>> VersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        return versions.Count > 0 ? versions : throw new NotFoundException($"Definition '{definitionId}' does not exist.");
    }

    private void RequireValid(WorkflowDefinition definition)
    {
        var report = engine.Validate(definition);
        if (!report.IsValid || !report.CanRun)
        {
            throw new DefinitionInvalidException(report);
        }
    }

    private async Task<WorkflowDefinitionRecord> NewVersionAsync(WorkflowDefinition definition, string definitionId, List<WorkflowDefinitionRecord> versions, string hash, DefinitionEditor editor, CancellationToken cancellationToken)
    {
        foreach (var previous in versions.Where(v => v.IsLatest))
        {
            previous.IsLatest = false;
            previous.Json = Restamp(previous, previous.IsPublished);
        }

        var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        // A file's own version id is kept for its first version, unless another definition already uses it: version
        // ids are unique across all definitions.
        var id = versions.Count == 0 && definition.Id is { } fileId && fileId != definitionId && !await VersionIdTakenAsync(fileId, cancellationToken)
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
            CreatedBy = editor.Name,
            UpdatedBy = editor.UserId,
        };
        db.Definitions.Add(record);
        return record;
    }

    private async Task<bool> VersionIdTakenAsync(string id, CancellationToken cancellationToken) =>
        db.Definitions.Local.Any(d => d.Id == id) || await db.Definitions.AnyAsync(d => d.Id == id, cancellationToken);

    // One serializable transaction per change. The database's refusal of a concurrent change (unique version number,
    // serialization failure, deadlock, busy) means another request changed the same definition first.
    /// <summary>
    /// Runs <paramref name="work"/> in one serializable transaction and commits it with the audit record of the change
    /// it reports (none when it reports none: it changed nothing).
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<Task<(T Result, AuditChange? Change)>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await AuditLog.BeginSerializableAsync(db, cancellationToken);
            var (result, change) = await work();
            if (change is not null)
            {
                await AuditLog.AppendAsync(db, change, clock, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (IsConcurrentChange(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("The definition was changed by another request at the same time; reload it and try again.");
        }
    }

    // The database error may come wrapped (EF's DbUpdateException, Npgsql's transient-failure wrapper), so the chain
    // is searched for the first provider exception.
    private static bool IsConcurrentChange(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    return p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
                case SqliteException s:
                    return s.SqliteErrorCode == 5 || s.SqliteExtendedErrorCode is 1555 or 2067; // BUSY; PRIMARYKEY or UNIQUE constraint
                case SqlException q:
                    return q.Number is 1205 or 2601 or 2627; // deadlock victim; unique index or key
            }
        }

        return false;
    }

    private const string EntityType = "definition";

    // What the audit log keeps of a version: its place and its content's hash (the content itself is the version).
    private static JsonObject Describe(WorkflowDefinitionRecord record) => new()
    {
        ["definitionId"] = record.DefinitionId,
        ["version"] = record.Version,
        ["name"] = record.Name,
        ["isLatest"] = record.IsLatest,
        ["isPublished"] = record.IsPublished,
        ["contentHash"] = record.ContentHash,
    };

    private static AuditChange Change(string operation, string action, WorkflowDefinitionRecord record, JsonObject? before) =>
        new(operation, action, EntityType, record.DefinitionId)
        {
            Before = before,
            After = Describe(record),
            DefinitionId = record.DefinitionId,
            DefinitionVersion = record.Version,
        };

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
        foreach (var key in StoreFields)
        {
            json.Remove(key);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }

    /// <summary>The top-level fields the store sets on every version it writes.</summary>
    public static IReadOnlyList<string> StoreFields { get; } = ["id", "definitionId", "version", "isLatest", "isPublished", "createdAt"];
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
