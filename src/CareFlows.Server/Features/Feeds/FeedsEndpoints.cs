using System.Text;
using CareFlows.Engine.Calendar;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Features.Feeds.Adt;
using CareFlows.Server.Features.Feeds.Fhir;
using CareFlows.Server.Features.Feeds.Hl7;
using CareFlows.Server.Features.Feeds.Referrals;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ClaimResponse = Hl7.Fhir.Model.ClaimResponse;
using Encounter = Hl7.Fhir.Model.Encounter;

namespace CareFlows.Server.Features.Feeds;

/// <summary>
/// Where sending systems deliver their feeds over HTTP, each signed in with its key (<c>X-Api-Key</c>) and allowed only
/// what its scope names: HL7 v2 ADT (also over MLLP, <c>Feeds:Mllp</c>, answering with the same ACKs), FHIR R4
/// Encounters, and payers' decisions as FHIR R4 ClaimResponses.
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
        var fhir = routes.MapGroup("/api/feeds/fhir").WithTags("Feeds");
        fhir.MapPost("/Encounter", ReceiveEncounter)
            .RequireAuthorization(FeedScopes.Policy(FeedScopes.Encounters))
            .WithName("ReceiveEncounter")
            .WithSummary("Takes a FHIR R4 Encounter: finished is a discharge (starts discharge follow-up), cancelled or entered-in-error withdraws it, in-progress is an admission.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status415UnsupportedMediaType);
        fhir.MapPost("/ClaimResponse", ReceiveClaimResponse)
            .RequireAuthorization(FeedScopes.Policy(FeedScopes.PayerDecisions))
            .WithName("ReceiveClaimResponse")
            .WithSummary("Takes a payer's decision as a PAS ClaimResponse (review action A1, A2, A3, A4, A6, CT, NA) for the prior authorization request it answers.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status415UnsupportedMediaType);
        routes.MapGroup("/api/feeds").WithTags("Feeds")
            .MapPost("/referrals", ReceiveReferralUpdate)
            .RequireAuthorization(FeedScopes.Policy(FeedScopes.Referrals))
            .WithName("ReceiveReferralUpdate")
            .WithSummary("Takes news about a referral: accepted, declined, scheduled, no-show, or the consult note that answers it.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>200 with what the update did (kept for the referral until it waits for it; a duplicate is taken once); 400 by JSON path.</summary>
    public static async Task<Ok<FeedResponse>> ReceiveReferralUpdate(ReferralUpdateCommand command, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return TypedResults.Ok(await sender.Send(command, cancellationToken));
    }

    /// <summary>200 with what the encounter did (a duplicate is taken once); 400 with each problem by its FHIR path, nothing changed.</summary>
    public static async Task<Results<Ok<FeedResponse>, ProblemHttpResult>> ReceiveEncounter(HttpRequest request, WorkflowRuntime runtime, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (UnsupportedMediaType(request, FhirFeedBody.MediaTypes) is { } refusal)
        {
            return refusal;
        }

        var published = EncounterEvents.Of(await FhirFeedBody.ReadAsync<Encounter>(request, cancellationToken), calendar);
        var outcome = published is null ? null : await published.PublishAsync(runtime, cancellationToken);
        return TypedResults.Ok(FeedResponse.Of(published, outcome));
    }

    /// <summary>200 with what the decision did: Delivered to the waiting request, or Buffered until it waits; 400 with each problem by its FHIR path.</summary>
    public static async Task<Results<Ok<FeedResponse>, ProblemHttpResult>> ReceiveClaimResponse(HttpRequest request, WorkflowRuntime runtime, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (UnsupportedMediaType(request, FhirFeedBody.MediaTypes) is { } refusal)
        {
            return refusal;
        }

        var published = ClaimResponseEvents.Of(await FhirFeedBody.ReadAsync<ClaimResponse>(request, cancellationToken), calendar);
        return TypedResults.Ok(FeedResponse.Of(published, await published.PublishAsync(runtime, cancellationToken)));
    }

    private static ProblemHttpResult? UnsupportedMediaType(HttpRequest request, IReadOnlyList<string> accepted)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        return mediaType is not null && accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            ? null
            : TypedResults.Problem($"Send it as {string.Join(", ", accepted)}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>The message is the whole body, in UTF-8; a duplicate (same event, same visit) is answered 200 and applied once.</summary>
    public static async Task<Results<Ok<AdtFeedResponse>, ValidationProblem, ProblemHttpResult>> ReceiveAdt(HttpRequest request, AdtFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(feed);
        if (UnsupportedMediaType(request, Hl7MediaTypes) is { } refusal)
        {
            return refusal;
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
            extensions: new Dictionary<string, object?> { ["acknowledgement"] = Hl7AckBuilder.CodeText(receipt.Code), ["ack"] = receipt.Ack });
    }
}
