using System.Globalization;

namespace CareFlows.Engine.Bookmarks;

/// <summary>
/// Bookmark ids name their instance and their place in its sequence: <c>{instanceId}.b{n}</c>. Given only a bookmark id,
/// a host can therefore tell an id that never existed from a bookmark that was issued and has since been consumed,
/// without keeping consumed bookmarks anywhere.
/// </summary>
public static class BookmarkIds
{
    private const string Separator = ".b";

    /// <summary>The id of the <paramref name="sequence"/>-th bookmark an instance creates.</summary>
    public static string Create(string instanceId, long sequence) =>
        instanceId + Separator + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The instance and sequence number a bookmark id names; false for an id not made by <see cref="Create"/>.</summary>
    public static bool TryParse(string bookmarkId, out string instanceId, out long sequence)
    {
        ArgumentNullException.ThrowIfNull(bookmarkId);
        var at = bookmarkId.LastIndexOf(Separator, StringComparison.Ordinal);
        var digits = at < 0 ? default : bookmarkId.AsSpan(at + Separator.Length);
        if (at <= 0 || digits.IsEmpty || digits[0] == '0' || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            instanceId = "";
            sequence = 0;
            return false;
        }

        instanceId = bookmarkId[..at];
        return true;
    }

    /// <summary>Whether the instance in <paramref name="state"/> has ever issued the bookmark <paramref name="bookmarkId"/>.</summary>
    public static bool WasIssuedBy(string bookmarkId, Execution.WorkflowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TryParse(bookmarkId, out var instanceId, out var sequence)
            && string.Equals(instanceId, state.Id, StringComparison.Ordinal)
            && sequence <= state.BookmarkSequence;
    }
}
