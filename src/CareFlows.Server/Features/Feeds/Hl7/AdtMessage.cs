namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// What CareFlows reads from an ADT message (DOMAIN.md §2.3): the event, who sent it, the patient and the visit. Made
/// only from a message that holds everything its event needs; otherwise <see cref="From"/> lists the problems.
/// </summary>
public sealed record AdtMessage
{
    public required AdtEvent Event { get; init; }

    /// <summary>The trigger event as sent (A01, A03, A08, A13).</summary>
    public required string EventCode { get; init; }

    /// <summary>MSH-10, which the ACK's MSA-2 echoes.</summary>
    public required string ControlId { get; init; }

    /// <summary>MSH-12.</summary>
    public required string Version { get; init; }

    /// <summary>MSH-3 (namespace id, else universal id).</summary>
    public string? SendingApplication { get; init; }

    /// <summary>MSH-4.</summary>
    public string? SendingFacility { get; init; }

    /// <summary>MSH-7.</summary>
    public DateTimeOffset? MessageTime { get; init; }

    /// <summary>EVN-2, when the event was recorded at the hospital.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    public required AdtPatient Patient { get; init; }

    public required AdtVisit Visit { get; init; }

    /// <summary>
    /// The same event for the same visit gives the same key, so a message resent after a lost ACK starts nothing new:
    /// event, visit number and its assigning authority. An admit without a visit number falls back to the sender and
    /// MSH-10, which identify that one message.
    /// </summary>
    public string DeduplicationKey => Visit.VisitNumber is { } visit
        ? $"{EventCode}|{visit.AssigningAuthority}|{visit.Value}"
        : $"{EventCode}|{SendingApplication}|{SendingFacility}|{ControlId}";

    /// <summary>
    /// Reads an ADT^A01, A03, A08 or A13 (MSH-9 as <c>ADT^A03</c> or <c>ADT^A03^ADT_A03</c>, or the event from EVN-1)
    /// of versions 2.3 to 2.8.x.
    /// </summary>
    /// <param name="message">A parsed message (<see cref="Hl7Message.Parse"/>).</param>
    /// <param name="localZone">The sender's time zone, for times sent without an offset.</param>
    public static AdtMappingResult From(Hl7Message message, TimeZoneInfo localZone)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(localZone);
        return new AdtMapper(message, localZone).Map();
    }
}
