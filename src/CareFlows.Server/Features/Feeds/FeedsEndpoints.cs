using System.Text;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Features.Feeds.Adt;
using CareFlows.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Features.Feeds;

/// <summary>
/// Where sending systems deliver their feeds over HTTP, each signed in with its key (<c>X-Api-Key</c>) and allowed only
/// what its scope names. The ADT feed also listens over MLLP (<c>Feeds:Mllp</c>), answering with the same ACKs.
/// </summary>
public static class FeedsEndpoints
{
    /// <summary>The media types an HL7 v2 message is accepted in.</summary>
    public static readonly IReadOnlyList<string> Hl7MediaTypes = ["application/hl7-v2", "x-application/hl7-v2+er7", "text/plain"];

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/feeds").WithTags("Feeds")
            .MapPost("/adt", ReceiveAdt)
            .RequireAuthorization(FeedScopes.Policy(FeedScopes.Adt))
            // No Accepts metadata: it would make a message in another media type match no endpoint, and be refused as
            // unauthenticated by the fallback policy instead of told what to send.
            .WithName("ReceiveAdt")
            .WithSummary("Takes one HL7 v2 ADT message (A01, A03, A08, A13): 200 with its AA acknowledgement and what it did, 400 with the AE/AR acknowledgement and each problem by field.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status415UnsupportedMediaType);
        return routes;
    }

    /// <summary>The message is the whole body, in UTF-8; a duplicate (same event, same visit) is answered 200 and applied once.</summary>
    public static async Task<Results<Ok<AdtFeedResponse>, ValidationProblem, ProblemHttpResult>> ReceiveAdt(HttpRequest request, AdtFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(feed);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !Hl7MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Send the message as {string.Join(", ", Hl7MediaTypes)}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        var receipt = await feed.ReceiveAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        if (receipt.Accepted)
        {
            return TypedResults.Ok(AdtFeedResponse.Of(receipt));
        }

        var errors = receipt.Problems
            .GroupBy(p => p.Location?.ToString() ?? "message")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(
            errors,
            title: "The ADT message was refused.",
            detail: "Nothing was started or changed. The acknowledgement says why, field by field.",
            extensions: new Dictionary<string, object?> { ["acknowledgement"] = AdtFeedResponse.CodeOf(receipt.Code), ["ack"] = receipt.Ack });
    }
}
