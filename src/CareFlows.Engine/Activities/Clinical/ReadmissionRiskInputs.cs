using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Activities.Clinical;

/// <summary>
/// What the readmission scores are computed from, as the EHR or the discharge message gives it; anything it does not
/// know is null, so a score can say which of its parts were unknown rather than guess them.
/// </summary>
public sealed record ReadmissionRiskInputs
{
    /// <summary>Days in hospital, the admission and discharge days both counted.</summary>
    public int? LengthOfStayDays { get; init; }

    /// <summary>Admitted acutely (emergently, through the emergency department).</summary>
    public bool? EmergentAdmission { get; init; }

    public int? CharlsonIndex { get; init; }

    /// <summary>Emergency-department visits in the six months before the admission, not counting the one that led to it.</summary>
    public int? EdVisitsLast6Months { get; init; }

    /// <summary>Haemoglobin at discharge, g/dL.</summary>
    public double? Hemoglobin { get; init; }

    /// <summary>Sodium at discharge, mmol/L.</summary>
    public double? Sodium { get; init; }

    public bool? OncologyDischarge { get; init; }

    /// <summary>A cancer diagnosis (the simplified HOSPITAL score counts it like an oncology discharge).</summary>
    public bool? CancerDiagnosis { get; init; }

    /// <summary>An ICD-coded procedure during the stay; the full HOSPITAL score needs it, the simplified one does not.</summary>
    public bool? ProcedureDuringStay { get; init; }

    /// <summary>The index admission was urgent (not elective).</summary>
    public bool? NonElectiveAdmission { get; init; }

    public int? AdmissionsLast12Months { get; init; }

    /// <summary>Reads the inputs from a JSON object (camelCase or PascalCase names); a value of the wrong kind is named in <paramref name="problems"/>.</summary>
    public static ReadmissionRiskInputs From(JsonObject? json, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var inputs = new ReadmissionRiskInputs
        {
            LengthOfStayDays = Whole(json, "lengthOfStayDays", found),
            EmergentAdmission = Flag(json, "emergentAdmission", found),
            CharlsonIndex = Whole(json, "charlsonIndex", found),
            EdVisitsLast6Months = Whole(json, "edVisitsLast6Months", found),
            Hemoglobin = Number(json, "hemoglobin", found),
            Sodium = Number(json, "sodium", found),
            OncologyDischarge = Flag(json, "oncologyDischarge", found),
            CancerDiagnosis = Flag(json, "cancerDiagnosis", found),
            ProcedureDuringStay = Flag(json, "procedureDuringStay", found),
            NonElectiveAdmission = Flag(json, "nonElectiveAdmission", found),
            AdmissionsLast12Months = Whole(json, "admissionsLast12Months", found),
        };
        problems = found;
        return inputs;
    }

    private static JsonValue? Value(JsonObject? json, string name) =>
        json is null || JsonKeys.Get(json, name) is not JsonValue value || value.GetValueKind() == JsonValueKind.Null ? null : value;

    private static int? Whole(JsonObject? json, string name, List<string> problems)
    {
        if (Value(json, name) is not { } value)
        {
            return null;
        }

        if (JsonText.NumberOf(value) is { } number && number >= 0 && number <= int.MaxValue && number == Math.Floor(number))
        {
            return (int)number;
        }

        problems.Add($"'{name}' must be a whole number of zero or more.");
        return null;
    }

    private static double? Number(JsonObject? json, string name, List<string> problems)
    {
        if (Value(json, name) is not { } value)
        {
            return null;
        }

        if (JsonText.NumberOf(value) is { } number && number >= 0)
        {
            return number;
        }

        problems.Add($"'{name}' must be a number of zero or more.");
        return null;
    }

    private static bool? Flag(JsonObject? json, string name, List<string> problems)
    {
        if (Value(json, name) is not { } value)
        {
            return null;
        }

        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        problems.Add($"'{name}' must be true or false.");
        return null;
    }
}
