namespace CareFlows.Server.Features.Feeds;

/// <summary>
/// The events the feeds publish and the pathways in <c>workflows/</c> wait for (Elsa.Event names), correlated by the
/// patient's medical record number, or by the request for a payer's decision. A pathway that listens for one of these names hears every feed that sends it.
/// </summary>
public static class PathwayEvents
{
    /// <summary>A patient left hospital: starts discharge follow-up, and ends a follow-up still open for an earlier stay.</summary>
    public const string PatientDischarged = "PatientDischarged";

    /// <summary>The discharge of a visit was cancelled (ADT^A13); the payload names the visit.</summary>
    public const string DischargeCancelled = "DischargeCancelled";

    /// <summary>A patient was admitted (ADT^A01): a readmission for a patient in follow-up.</summary>
    public const string PatientAdmitted = "PatientAdmitted";

    /// <summary>The hospital recorded the patient's death (ADT^A08 with PID-30 = Y).</summary>
    public const string PatientDied = "PatientDied";

    /// <summary>A payer decided on a prior authorization request (a PAS ClaimResponse), correlated by the request's id.</summary>
    public const string PayerDecisionReceived = "PayerDecisionReceived";
}
