namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// A message that cannot be read as HL7 v2 at all. It carries the <see cref="Hl7Problem"/> (location and table 0357
/// code) so that the refusal can be acknowledged with an ERR segment pointing at the fault.
/// </summary>
public sealed class Hl7ParseException : Exception
{
    public Hl7ParseException(Hl7Problem problem)
        : base(problem.ToString()) => Problem = problem;

    public Hl7Problem Problem { get; }

    /// <summary>Where the fault is, e.g. <c>MSH-2</c>; null when it concerns the whole message.</summary>
    public Hl7Location? Location => Problem.Location;

    internal static Hl7ParseException At(Hl7Location? location, string message, Hl7ErrorCode code = Hl7ErrorCode.SegmentSequenceError) =>
        new(new Hl7Problem(code, location, message));
}
