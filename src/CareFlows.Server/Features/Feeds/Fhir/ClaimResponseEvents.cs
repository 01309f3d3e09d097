using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;
using Hl7.Fhir.Model;

namespace CareFlows.Server.Features.Feeds.Fhir;

/// <summary>
/// A payer's decision on a prior authorization, as a Da Vinci PAS ClaimResponse: the X12 306 review action (A1
/// certified, A2 partial, A3 not certified, A4 pended, A6 modified, CT contact payer, NA no action) from its
/// reviewAction extension on the item or its adjudication, the authorization number and period, the reason, and for a
/// pend the deadline of the information it asks for. Correlated by the request (Claim) it answers.
/// </summary>
public static class ClaimResponseEvents
{
    /// <summary>The event that resumes the prior authorization waiting for this decision, or the problems by path.</summary>
    public static FeedEvent Of(ClaimResponse response, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new Dictionary<string, string[]>();
        var requestId = response.Request?.Identifier?.Value
            ?? (response.Request?.Reference is { } reference && reference.StartsWith("Claim/", StringComparison.Ordinal) ? reference["Claim/".Length..] : null);
        if (requestId is not { Length: > 0 })
        {
            errors["ClaimResponse.request"] = ["A decision needs the request it answers: an identifier or a Claim reference."];
        }

        var review = ReviewAction(response);
        var code = review?.GetExtension("code")?.Value as CodeableConcept;
        if (code?.Coding.FirstOrDefault()?.Code is not { Length: > 0 })
        {
            errors["ClaimResponse.item[0].adjudication[0].extension(reviewAction)"] = ["A decision needs its PAS review action code (A1, A2, A3, A4, A6, CT or NA)."];
        }

        if (errors.Count > 0 || review is null || code is null)
        {
            throw new MalformedRequestException(errors);
        }

        var action = code.Coding[0].Code!.ToUpperInvariant();
        var reason = review.GetExtension("reasonCode")?.Value as CodeableConcept;
        var information = response.Contained.OfType<CommunicationRequest>().FirstOrDefault();
        var decision = new JsonObject
        {
            ["reviewAction"] = action,
            ["authorizationNumber"] = (review.GetExtension("number")?.Value as FhirString)?.Value ?? response.PreAuthRef,
            ["periodStart"] = LocalDate(response.PreAuthPeriod?.Start, calendar),
            ["periodEnd"] = LocalDate(response.PreAuthPeriod?.End, calendar),
            ["reason"] = reason?.Text ?? reason?.Coding.FirstOrDefault()?.Display ?? reason?.Coding.FirstOrDefault()?.Code ?? response.Disposition,
            ["responseDueAt"] = information?.Occurrence is FhirDateTime due ? FhirInstant.Parse(due.Value, calendar) : null,
            ["informationRequested"] = information?.Payload.Select(p => p.Content is FhirString text ? text.Value : null).OfType<string>() is { } asked && asked.Any()
                ? new JsonArray([.. asked.Select(a => (JsonNode)JsonValue.Create(a))])
                : null,
            ["source"] = new JsonObject { ["message"] = "FHIR ClaimResponse", ["id"] = response.Id, ["versionId"] = response.Meta?.VersionId },
        };
        var key = FeedKeys.Of("fhir-claim-response", response.Identifier.FirstOrDefault()?.Value ?? response.Id ?? requestId, response.Meta?.VersionId ?? action);
        return new FeedEvent(PathwayEvents.PayerDecisionReceived, requestId!, decision, key, UnheardEvents.Buffer);
    }

    private static Extension? ReviewAction(ClaimResponse response) =>
        response.Item.SelectMany(i => i.Extension.Concat(i.Adjudication.SelectMany(a => a.Extension)))
            .FirstOrDefault(e => e.Url?.EndsWith("extension-reviewAction", StringComparison.Ordinal) == true);

    private static string? LocalDate(string? value, BusinessCalendar calendar) =>
        FhirInstant.Parse(value, calendar) is { } instant ? calendar.LocalDate(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
