using System.Globalization;
using Jint.Runtime;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// The time a script sees (<c>new Date()</c>, <c>Date.now()</c>): the engine clock of the scope being evaluated,
/// in UTC, so runs are deterministic and tests can move time.
/// </summary>
internal sealed class SandboxClock(JavaScriptSandbox sandbox) : ITimeSystem
{
    private readonly DefaultTimeSystem _utc = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public TimeZoneInfo DefaultTimeZone => TimeZoneInfo.Utc;

    // Outside an evaluation (only while the engine sets itself up) there is no scope clock to read.
    public DateTimeOffset GetUtcNow() => sandbox.CurrentScope?.Now.ToUniversalTime() ?? TimeProvider.System.GetUtcNow();

    public bool TryParse(string date, out long epochMilliseconds) => _utc.TryParse(date, out epochMilliseconds);

    public TimeSpan GetUtcOffset(long epochMilliseconds) => TimeSpan.Zero;
}
