using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The event names each definition version has been seen to wait for. A batch uses them to read, with its other reads
/// in one round trip, the buffered events its new instances may take when they reach such a wait point, instead of a
/// round trip of its own for each wait point.
/// Only a guess: a name not learned yet is looked up when the wait point is reached, as always.
/// </summary>
internal sealed class EventWaitHints
{
    /// <summary>Names with expressions could be endless; past this many per version, no more are learned.</summary>
    public const int MaxNamesPerVersion = 16;

    private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> _names = new(StringComparer.Ordinal);

    public void Learn(string versionId, string eventName)
    {
        var known = _names.GetValueOrDefault(versionId, ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));
        if (!known.Contains(eventName) && known.Count < MaxNamesPerVersion)
        {
            _names[versionId] = known.Add(eventName);
        }
    }

    public IReadOnlyCollection<string> For(string versionId) =>
        _names.TryGetValue(versionId, out var names) ? names : ImmutableHashSet<string>.Empty;
}
