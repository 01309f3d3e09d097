namespace CareFlows.Engine.Execution;

/// <summary>What an activity with inbound connections does when a connection arrives.</summary>
public enum JoinDecision
{
    /// <summary>Not every inbound connection that matters has arrived yet.</summary>
    Wait,

    /// <summary>Run the activity.</summary>
    Run,

    /// <summary>Skip it: no path into it was taken, and the skip travels onward.</summary>
    Skip,
}

/// <summary>Join rules over counts of inbound connections (reachable from the start), visited and followed.</summary>
public static class JoinRule
{
    /// <summary>
    /// An activity with several inbound connections waits until each was visited, then runs if any was
    /// followed (Elsa's implicit join, WaitAllActive). With one inbound connection this is: run if followed.
    /// </summary>
    public static JoinDecision Implicit(int count, int visited, int followed) => WaitAllActive(count, visited, followed);

    /// <summary>Runs as soon as one inbound connection was followed.</summary>
    public static JoinDecision WaitAny(int count, int visited, int followed) =>
        followed > 0 ? JoinDecision.Run : visited >= count ? JoinDecision.Skip : JoinDecision.Wait;

    /// <summary>Runs once every inbound connection was followed; skipped if one arrives not followed and the rest are in.</summary>
    public static JoinDecision WaitAll(int count, int visited, int followed) =>
        followed >= count ? JoinDecision.Run : visited >= count ? JoinDecision.Skip : JoinDecision.Wait;

    /// <summary>Runs once every inbound connection was visited, if any was followed.</summary>
    public static JoinDecision WaitAllActive(int count, int visited, int followed) =>
        visited < count ? JoinDecision.Wait : followed > 0 ? JoinDecision.Run : JoinDecision.Skip;
}
