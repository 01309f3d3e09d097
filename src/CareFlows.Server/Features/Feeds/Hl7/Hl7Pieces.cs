namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Finds the n-th piece of a value between separators without splitting the whole value, so that reading one
/// component of a long field costs one pass. A null separator means the value is not split (MSH-1 and MSH-2).
/// </summary>
internal static class Hl7Pieces
{
    public static string Piece(string raw, char? separator, int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        if (separator is not { } s)
        {
            return position == 1 ? raw : string.Empty;
        }

        var start = 0;
        for (var i = 1; i < position; i++)
        {
            var next = raw.IndexOf(s, start);
            if (next < 0)
            {
                return string.Empty;
            }

            start = next + 1;
        }

        var end = raw.IndexOf(s, start);
        return end < 0 ? raw[start..] : raw[start..end];
    }

    public static int Count(string raw, char? separator) =>
        raw.Length == 0 ? 0 : separator is { } s ? raw.AsSpan().Count(s) + 1 : 1;
}
