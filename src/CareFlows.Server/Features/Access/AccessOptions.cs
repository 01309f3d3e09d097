namespace CareFlows.Server.Features.Access;

/// <summary>Access settings (configuration section <c>Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>The longest break-the-glass access may be granted for at once.</summary>
    public static readonly TimeSpan MaxBreakGlassDuration = TimeSpan.FromHours(24);

    /// <summary>How long break-the-glass access lasts; asking again grants it anew, with a new reason.</summary>
    public TimeSpan BreakGlassDuration { get; set; } = TimeSpan.FromHours(1);
}
