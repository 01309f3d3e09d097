namespace CareFlows.Server.Features.Definitions;

/// <summary>A definition as the list shows it: its latest version, and which version is published.</summary>
/// <param name="DefinitionId">The id shared by every version.</param>
/// <param name="Name">The latest version's name.</param>
/// <param name="Description">The latest version's description.</param>
/// <param name="LatestVersion">The newest version, published or draft.</param>
/// <param name="PublishedVersion">The version new instances start on; null when none is published.</param>
/// <param name="IsPublished">Whether the latest version is the published one (false while a draft is on top).</param>
/// <param name="UpdatedAt">When the latest version last changed.</param>
/// <param name="CreatedBy">The sign-in name of who started the latest version.</param>
/// <param name="UpdatedBy">The user id of who last saved, published, retired or reverted the latest version (<c>system</c> for CareFlows' own imports); the people directory names them.</param>
/// <param name="EverPublished">Whether any version was ever published (none published now means it is retired).</param>
public sealed record DefinitionSummary(
    string DefinitionId,
    string? Name,
    string? Description,
    int LatestVersion,
    int? PublishedVersion,
    bool IsPublished,
    DateTime UpdatedAt,
    string? CreatedBy,
    string? UpdatedBy,
    bool EverPublished);

/// <summary>One page of definitions and how many match in all.</summary>
public sealed record DefinitionPage(IReadOnlyList<DefinitionSummary> Items, int Total, int Page, int PageSize);
