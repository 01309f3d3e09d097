using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>Answers each ADT message the MLLP listener receives with the feed's acknowledgement.</summary>
internal sealed class AdtMllpHandler(AdtFeed feed) : IHl7MessageHandler
{
    public async Task<string> HandleAsync(string message, CancellationToken cancellationToken) =>
        (await feed.ReceiveAsync(message, cancellationToken)).Ack;
}
