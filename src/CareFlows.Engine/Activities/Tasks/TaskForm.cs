using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Activities.Tasks;

/// <summary>
/// The form a coordinator fills in to complete a task: <c>{"fields": [{"key", "type", "label", "help", "required",
/// "options", "min", "max", "pattern"}]}</c>. Read once, here, by the activity that creates the task (a malformed form
/// raises an incident where the clinical lead can see it) and by the server that validates what is submitted.
/// </summary>
public sealed record TaskForm(IReadOnlyList<TaskFormField> Fields)
{
    /// <summary>The field types a form may use.</summary>
    public static readonly IReadOnlyList<string> FieldTypes = ["text", "multiline", "number", "date", "date-time", "choice", "multi-choice", "boolean"];

    /// <summary>Reads a form; <paramref name="problems"/> lists, by JSON path, everything wrong with it.</summary>
    public static TaskForm? Parse(JsonNode? form, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        if (form is null)
        {
            return null;
        }

        if (form is not JsonObject obj || JsonKeys.Get(obj, "fields") is not JsonArray array)
        {
            found.Add("$.fields: a form is an object with a 'fields' array.");
            return null;
        }

        var fields = new List<TaskFormField>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (TaskFormField.Parse(array[i], $"$.fields[{i}]", found) is { } field)
            {
                if (!keys.Add(field.Key))
                {
                    found.Add($"$.fields[{i}].key: '{field.Key}' is used by another field.");
                }

                fields.Add(field);
            }
        }

        return found.Count == 0 ? new TaskForm(fields) : null;
    }
}

/// <summary>One field of a <see cref="TaskForm"/>.</summary>
public sealed record TaskFormField(
    string Key,
    string Type,
    string Label,
    string? Help,
    bool Required,
    IReadOnlyList<string> Options,
    decimal? Min,
    decimal? Max,
    string? Pattern)
{
    /// <summary>The field's definition as the form gave it.</summary>
    public JsonObject? Definition { get; init; }

    internal static TaskFormField? Parse(JsonNode? node, string path, List<string> problems)
    {
        if (node is not JsonObject field)
        {
            problems.Add($"{path}: a field is an object with at least 'key' and 'type'.");
            return null;
        }

        // Elsa-style forms name the field 'name'; CareFlows calls it 'key'.
        var key = JsonText.TextOf(field, "key") ?? JsonText.TextOf(field, "name");
        var type = JsonText.TextOf(field, "type");
        var count = problems.Count;
        if (key is null)
        {
            problems.Add($"{path}.key: a field needs a key, the name its value is submitted under.");
        }

        if (type is null || !TaskForm.FieldTypes.Contains(type))
        {
            problems.Add($"{path}.type: '{type}' is not a field type; use one of {string.Join(", ", TaskForm.FieldTypes)}.");
        }

        var options = ParseOptions(field, path, problems);
        if (type is "choice" or "multi-choice" && options.Count == 0)
        {
            problems.Add($"{path}.options: a {type} field needs its options.");
        }

        var min = Number(field, "min", path, problems);
        var max = Number(field, "max", path, problems);
        if (min > max)
        {
            problems.Add($"{path}.min: min must not be greater than max.");
        }

        var pattern = JsonText.TextOf(field, "pattern");
        if (pattern is not null && !IsRegex(pattern))
        {
            problems.Add($"{path}.pattern: '{pattern}' is not a regular expression.");
        }

        return problems.Count > count
            ? null
            : new TaskFormField(key!, type!, JsonText.TextOf(field, "label") ?? key!, JsonText.TextOf(field, "help"), JsonKeys.Get(field, "required") is JsonValue r && r.GetValueKind() == JsonValueKind.True, options, min, max, pattern)
            {
                Definition = field,
            };
    }

    private static List<string> ParseOptions(JsonObject field, string path, List<string> problems)
    {
        if (JsonKeys.Get(field, "options") is not JsonArray array)
        {
            return [];
        }

        var options = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            // An option is a value, or an object with a value and a label.
            var value = array[i] is JsonObject o ? JsonText.TextOf(o, "value") : array[i] is JsonValue v ? v.ToString() : null;
            if (string.IsNullOrEmpty(value))
            {
                problems.Add($"{path}.options[{i}]: an option is a string or an object with a 'value'.");
                continue;
            }

            options.Add(value);
        }

        return options;
    }

    private static decimal? Number(JsonObject field, string name, string path, List<string> problems)
    {
        var node = JsonKeys.Get(field, name);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number))
        {
            return number;
        }

        problems.Add($"{path}.{name}: '{node.ToJsonString()}' is not a number.");
        return null;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The submitted value's problem, or null when it is fine (a missing optional value is fine).</summary>
    public string? Check(JsonNode? value)
    {
        if (value is null)
        {
            return Required ? $"'{Label}' is required." : null;
        }

        return Type switch
        {
            "text" or "multiline" => CheckText(value),
            "number" => CheckNumber(value),
            "date" => CheckDate(value, dateOnly: true),
            "date-time" => CheckDate(value, dateOnly: false),
            "choice" => value is JsonValue c && c.GetValueKind() == JsonValueKind.String && Options.Contains(c.GetValue<string>())
                ? null
                : $"'{Label}' must be one of {string.Join(", ", Options)}.",
            "multi-choice" => CheckChoices(value),
            "boolean" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : $"'{Label}' must be true or false.",
            _ => null,
        };
    }

    private string? CheckText(JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return $"'{Label}' must be text.";
        }

        var text = v.GetValue<string>();
        if (Required && string.IsNullOrWhiteSpace(text))
        {
            return $"'{Label}' is required.";
        }

        if ((Min is { } min && text.Length < min) || (Max is { } max && text.Length > max))
        {
            return $"'{Label}' must be {Range("characters long")}.";
        }

        return Pattern is not null && text.Length > 0 && !Regex.IsMatch(text, Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))
            ? $"'{Label}' is not in the expected format."
            : null;
    }

    private string? CheckNumber(JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<decimal>(out var number))
        {
            return $"'{Label}' must be a number.";
        }

        return (Min is { } min && number < min) || (Max is { } max && number > max) ? $"'{Label}' must be {Range(null)}." : null;
    }

    private string? CheckDate(JsonNode value, bool dateOnly)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var valid = dateOnly
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            : text is not null && text.Contains('T', StringComparison.Ordinal)
              && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
        return valid ? null : dateOnly
            ? $"'{Label}' must be a date, for example 2026-11-24."
            : $"'{Label}' must be a date and time with its offset, for example 2026-11-24T15:30:00-05:00.";
    }

    private string? CheckChoices(JsonNode value)
    {
        if (value is not JsonArray array || array.Any(o => o is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !Options.Contains(v.GetValue<string>())))
        {
            return $"'{Label}' must be a list of {string.Join(", ", Options)}.";
        }

        if (Required && array.Count == 0)
        {
            return $"'{Label}' is required.";
        }

        return (Min is { } min && array.Count < min) || (Max is { } max && array.Count > max) ? $"'{Label}' must have {Range("choices")}." : null;
    }

    private string Range(string? unit)
    {
        var suffix = unit is null ? "" : " " + unit;
        return (Min, Max) switch
        {
            ({ } min, { } max) => $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}{suffix}",
            ({ } min, null) => $"at least {min.ToString(CultureInfo.InvariantCulture)}{suffix}",
            (null, { } max) => $"at most {max.ToString(CultureInfo.InvariantCulture)}{suffix}",
            _ => "valid",
        };
    }
}
