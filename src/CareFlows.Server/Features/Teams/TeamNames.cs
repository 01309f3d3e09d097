using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Features.Teams;

internal static class TeamNames
{
    public static ConflictException Taken(string name) => new($"A team named '{name}' exists already (names are compared ignoring case).");
}
