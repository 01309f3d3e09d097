using CareFlows.Engine.Calendar;
using CareFlows.Server.Features.Feeds.Hl7;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>
/// The hospital's ADT feed, whichever way it arrives (MLLP or HTTP): reads the message, publishes what it means to the
/// pathways (<see cref="AdtPathwayEvents"/>) in one transaction, and says what happened in an HL7 acknowledgement. A
/// message that cannot be read changes nothing; the same event for the same visit is taken once.
/// </summary>
public sealed class AdtFeed(WorkflowRuntime runtime, BusinessCalendar calendar, Hl7AckBuilder acks)
{
    public async Task<AdtReceipt> ReceiveAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(text);
        }
        catch (Hl7ParseException e)
        {
            return new AdtReceipt(acks.Build(text, Hl7AckCode.Reject, e.Problem.Message, [e.Problem]), Hl7AckCode.Reject, [e.Problem], null, null);
        }

        var mapped = AdtMessage.From(message, calendar.TimeZone);
        if (mapped.Message is not { } adt)
        {
            var code = mapped.AcknowledgementCode;
            return new AdtReceipt(acks.Build(message, code, string.Join(" ", mapped.Problems.Select(p => p.ToString())), mapped.Problems), code, mapped.Problems, null, null);
        }

        if (AdtPathwayEvents.Of(adt, calendar) is not { } published)
        {
            return Taken(message, "Received; nothing the care pathways follow has changed.", null, null);
        }

        var outcome = await published.PublishAsync(runtime, cancellationToken);
        return Taken(message, Describe(adt, outcome), published.EventName, outcome);
    }

    private AdtReceipt Taken(Hl7Message message, string text, string? eventName, EventOutcome? outcome) =>
        new(acks.Build(message, Hl7AckCode.Accept, text), Hl7AckCode.Accept, [], eventName, outcome);

    private static string Describe(AdtMessage adt, EventOutcome outcome)
    {
        var visit = adt.Visit.VisitNumber?.Value ?? adt.ControlId;
        return outcome.Disposition switch
        {
            EventDisposition.Duplicate => $"ADT^{adt.EventCode} for visit {visit} was received before; it is not applied again.",
            EventDisposition.Unheard => $"ADT^{adt.EventCode} for visit {visit} received; no follow-up of this patient is running.",
            EventDisposition.Buffered => $"ADT^{adt.EventCode} for visit {visit} received and kept; no pathway starts from it now.",
            _ => $"ADT^{adt.EventCode} for visit {visit} received: {outcome.Started.Count} follow-up(s) started, {outcome.Resumed.Count} running one(s) told.",
        };
    }
}
