using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// A strong entity tag for a stored version: its id and content. A draft edited in place, or a new version on top,
/// changes it; publishing or retiring does not, since what the designer holds is still what is stored.
/// </summary>
public static class DefinitionEtag
{
    public static string Of(WorkflowDefinitionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"\"{record.Id}.{record.ContentHash[..Math.Min(16, record.ContentHash.Length)]}\"";
    }

    /// <summary>Whether an <c>If-Match</c> value allows changing <paramref name="latest"/>: absent, <c>*</c>, or one of its tags equals the version's.</summary>
    public static bool Matches(string? ifMatch, WorkflowDefinitionRecord latest)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        var current = Of(latest);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current || $"\"{tag.Trim('"')}\"" == current);
    }
}
