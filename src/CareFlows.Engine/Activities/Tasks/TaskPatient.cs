using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Tasks;

/// <summary>The patient a task concerns, as a coordinator needs to recognise them: id (a FHIR reference), name, MRN and date of birth.</summary>
public sealed record TaskPatient(string? Id, string? Name, string? Mrn, DateOnly? BirthDate)
{
    /// <summary>
    /// Reads <paramref name="patient"/> (an object with <c>id</c>, <c>name</c>, <c>mrn</c>, <c>birthDate</c>; a plain
    /// string is taken as the id) and falls back to <paramref name="reference"/> for the id. Null when neither says anything.
    /// </summary>
    public static TaskPatient? From(JsonNode? patient, string? reference)
    {
        if (patient is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            patient = new JsonObject { ["id"] = value.GetValue<string>() };
        }

        if (patient is not null and not JsonObject)
        {
            throw new FaultException("'Patient' must be an object with id, name, mrn and birthDate.", code: null, category: null);
        }

        var fields = (JsonObject?)patient;
        var result = new TaskPatient(
            Text(fields, "id") ?? (string.IsNullOrWhiteSpace(reference) ? null : reference),
            Text(fields, "name"),
            Text(fields, "mrn"),
            BirthDateOf(Text(fields, "birthDate")));
        return result is { Id: null, Name: null, Mrn: null, BirthDate: null } ? null : result;
    }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["mrn"] = Mrn,
        ["birthDate"] = BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string? Text(JsonObject? fields, string name) =>
        fields is not null && JsonKeys.Get(fields, name) is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            && v.ToString() is { Length: > 0 } text ? text : null;

    private static DateOnly? BirthDateOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // A date-time is accepted for its date: scripts often hand over a JavaScript Date.
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new FaultException($"The patient's birthDate '{text}' is not a date (YYYY-MM-DD).", code: null, category: null);
    }
}
