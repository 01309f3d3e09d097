using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>What a problem shown to a client must not contain: .NET type names and the framework's own wording.</summary>
public static partial class PlainProblems
{
    private static readonly string[] Internals =
    [
        "System.", "Microsoft.", "CareFlows.", "Nullable", "Command", "Implicit body", "a Service", "could not be converted",
        "LineNumber", "BytePositionInLine", "Exception",
    ];

    /// <summary>Every internal found in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> InternalsIn(string text) =>
        [.. Internals.Where(i => text.Contains(i, StringComparison.Ordinal)), .. SplitMemberName().Matches(text).Select(m => m.Value)];

    public static void AssertPlain(JsonNode problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Assert.Empty(InternalsIn(problem.ToJsonString()));
    }

    /// <summary>The one message of a problem's errors under <paramref name="key"/>.</summary>
    public static string ErrorAt(this JsonObject problem, string key) =>
        Assert.Single(problem["errors"]![key]!.AsArray())!.GetValue<string>();

    // A CLR member name split into words, as FluentValidation's default display names are: 'Definition Id'.
    [GeneratedRegex("'[A-Z][a-z]+( [A-Z][a-z]+)+'")]
    private static partial Regex SplitMemberName();
}
