using CareFlows.Engine.Definitions.Validation;
using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Imports Elsa 3 definitions all or nothing; with <paramref name="Publish"/> every one must be valid.</summary>
public sealed record ImportDefinitions(IReadOnlyList<ImportItem> Items, bool Publish, DefinitionEditor Editor) : ICommand<ImportResponse>;

/// <summary>What became of each imported definition, in upload order.</summary>
public sealed record ImportResponse(IReadOnlyList<ImportedDefinition> Definitions);

/// <summary>One imported definition: the version that holds its content.</summary>
/// <param name="DefinitionId">The id shared by every version.</param>
/// <param name="Id">The version id.</param>
/// <param name="Version">The version number.</param>
/// <param name="Created">False when identical content was already stored (nothing was added).</param>
/// <param name="IsPublished">Whether that version is now the published one.</param>
public sealed record ImportedDefinition(string DefinitionId, string Id, int Version, bool Created, bool IsPublished);

public sealed class ImportDefinitionsHandler(DefinitionStore store) : ICommandHandler<ImportDefinitions, ImportResponse>
{
    public async ValueTask<ImportResponse> Handle(ImportDefinitions command, CancellationToken cancellationToken)
    {
        if (command.Publish)
        {
            // Every problem of every definition is reported at once, before anything is stored.
            var reports = command.Items.Select(item => (Item: item, Report: store.Validate(item.Definition))).ToList();
            var all = new ValidationReport(
                [.. reports.SelectMany(r => r.Report.Problems.Select(r.Item.Locate))],
                reports.TrueForAll(r => r.Report.CanRun));
            if (!all.IsValid || !all.CanRun)
            {
                throw new DefinitionInvalidException(all);
            }
        }

        var results = await store.ImportAsync([.. command.Items.Select(i => i.Definition)], command.Publish, command.Editor, cancellationToken);
        return new ImportResponse([.. results.Select(r => new ImportedDefinition(r.Record.DefinitionId, r.Record.Id, r.Record.Version, r.Created, r.Record.IsPublished))]);
    }
}
