using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Clinical;

/// <summary>
/// Scores a discharged patient's readmission risk: LACE, and HOSPITAL when its inputs are present (full or simplified,
/// whichever they allow). Each score is recorded with its variant, parts and unknown inputs, and the flow continues
/// through High when either score is in its high band, otherwise through Standard.
/// </summary>
[Activity("CareFlows", "RiskScore", Category = "Care coordination", DisplayName = "Readmission Risk Score", Description = "Computes LACE and, when its inputs are present, HOSPITAL readmission risk scores, and continues through High or Standard.")]
[Outcomes(HighPort, StandardPort)]
public sealed class RiskScore : CodeActivity
{
    public const string HighPort = "High";

    public const string StandardPort = "Standard";

    [Input(Description = "What the scores are computed from: lengthOfStayDays, emergentAdmission, charlsonIndex, edVisitsLast6Months, hemoglobin, sodium, oncologyDischarge, cancerDiagnosis, procedureDuringStay, nonElectiveAdmission, admissionsLast12Months. Unknown ones may be left out.", UIHint = UIHints.Json, DefaultSyntax = "JavaScript", Required = true)]
    public Input<JsonNode> Inputs { get; } = new();

    [Output(Description = "Both scores as recorded (score, variant, value, band, parts, unknown inputs) and whether the patient is high risk: {lace, hospital, highRisk}.")]
    public Output<object> Result { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        var json = context.Get(Inputs);
        if (json is not (null or JsonObject))
        {
            throw new FaultException("Readmission Risk Score needs its inputs as an object.", code: null, category: null);
        }

        var inputs = ReadmissionRiskInputs.From(json as JsonObject, out var problems);
        if (problems.Count > 0)
        {
            throw new FaultException($"The readmission risk inputs are not valid: {string.Join(" ", problems)}", code: null, category: null);
        }

        var lace = LaceScore.Compute(inputs);
        var hospital = HospitalScore.Compute(inputs);
        var highRisk = lace?.HighRisk == true || hospital?.HighRisk == true;
        context.Set(Result, new JsonObject
        {
            ["lace"] = lace?.ToJson(),
            ["hospital"] = hospital?.ToJson(),
            ["highRisk"] = highRisk,
        });
        context.Complete(highRisk ? HighPort : StandardPort);
    }
}
