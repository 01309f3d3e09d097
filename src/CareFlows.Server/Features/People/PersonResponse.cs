using CareFlows.Server.Features.Teams;

namespace CareFlows.Server.Features.People;

/// <summary>
/// A person as any member of staff sees them: enough to show a name and to pick someone to hand work to, and no
/// more — no email, roles or sessions, which stay with the admin API.
/// </summary>
/// <param name="Id">The user's id, as tasks, history and comments name them.</param>
/// <param name="DisplayName">The name others see; null when none was given.</param>
/// <param name="Active">False once deactivated: former staff keep their name in history.</param>
/// <param name="Teams">The teams the person belongs to, by name.</param>
public sealed record PersonResponse(string Id, string? DisplayName, bool Active, IReadOnlyList<TeamSummary> Teams);

/// <summary>One page of people by name, with the number of people matching the filters.</summary>
public sealed record PersonPageResponse(IReadOnlyList<PersonResponse> Items, int Total, int Page, int PageSize);
