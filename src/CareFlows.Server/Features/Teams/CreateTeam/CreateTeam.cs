using System.Text;
using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams.CreateTeam;

/// <summary>Creates a team with no members.</summary>
/// <param name="Id">The team's slug, such as <c>transitions-of-care</c>; made from the name when absent. It never changes.</param>
/// <param name="Name">Unique, whatever the case.</param>
/// <param name="Description">What the team does.</param>
public sealed record CreateTeamCommand(string? Id, string Name, string? Description) : ICommand<TeamResponse>;

public sealed class CreateTeamHandler(CareFlowsDbContext db, TimeProvider clock, AuditedWrite audited) : ICommandHandler<CreateTeamCommand, TeamResponse>
{
    public async ValueTask<TeamResponse> Handle(CreateTeamCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Name.Trim();
        var id = command.Id ?? TeamSlug.FromName(name) ?? throw new UnprocessableException(
            "The team needs an id.",
            new Dictionary<string, string[]> { [ApiFieldNames.Of<CreateTeamCommand>(c => c.Id)] = ["'id' is required when the name has no letter or digit to make one from."] });
        if (await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
        {
            throw new ConflictException($"A team with the id '{id}' exists already.");
        }

        var normalized = TeamRecord.Normalize(name);
        if (await db.Teams.AnyAsync(t => t.NormalizedName == normalized, cancellationToken))
        {
            throw TeamNames.Taken(name);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new TeamRecord { Id = id, Name = name, NormalizedName = normalized, Description = command.Description, CreatedAt = now, UpdatedAt = now };
        return await audited.RunAsync(
            async () =>
            {
                db.Teams.Add(team);
                await db.SaveChangesAsync(cancellationToken);
                var created = team.ToResponse([]);
                return (created, TeamAudit.Change("team.create", AuditActions.Create, team.Id, before: null, created));
            },
            cancellationToken);
    }
}

/// <summary>Team ids: lower-case ASCII letters and digits in words joined by single hyphens.</summary>
public static class TeamSlug
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    // The server runs with invariant globalization, where Unicode normalization cannot strip accents; the Latin
    // letters of European team names are spelled out here instead. Other letters separate words.
    private static readonly Dictionary<char, string> Latin = new (string Ascii, string Letters)[]
    {
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
        ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"),
        ("s", "śŝşš"), ("t", "ţťŧ"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ("ae", "æ"), ("oe", "œ"), ("ss", "ß"), ("th", "þ"),
    }.SelectMany(p => p.Letters.Select(c => (c, p.Ascii))).ToDictionary(p => p.c, p => p.Ascii);

    /// <summary>"Transitions of Care" → <c>transitions-of-care</c>, "Soins à domicile" → <c>soins-a-domicile</c>; null when nothing is left.</summary>
    public static string? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder();
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
            {
                slug.Append(lower);
            }
            else if (Latin.TryGetValue(lower, out var ascii))
            {
                slug.Append(ascii);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString(0, Math.Min(slug.Length, ColumnSizes.Id)).Trim('-');
        return text.Length > 0 ? text : null;
    }
}
