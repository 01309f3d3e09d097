namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Acts on one inbound HL7 v2 message and answers with the ACK text to send back (see <see cref="Hl7AckBuilder"/>).
/// The listener calls it for one connection's messages one at a time, in the order they arrive, and waits for the
/// answer before reading the next: senders wait for each ACK, and their order is the events' order.
/// </summary>
public interface IHl7MessageHandler
{
    Task<string> HandleAsync(string message, CancellationToken cancellationToken);
}
