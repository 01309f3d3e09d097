namespace CareFlows.Engine.Definitions.Validation;

/// <summary>How problem messages name things, so every check words them alike.</summary>
internal static class Wording
{
    /// <summary>An activity by its display name and id, e.g. <c>'Check eligibility' (id a1)</c>.</summary>
    public static string Activity(ActivityDefinition activity) =>
        activity.DisplayName.Contains(activity.Id, StringComparison.Ordinal)
            ? $"'{activity.DisplayName}'"
            : $"'{activity.DisplayName}' (id {activity.Id})";

    /// <summary>Names as a readable list, e.g. <c>'True', 'False'</c>.</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
