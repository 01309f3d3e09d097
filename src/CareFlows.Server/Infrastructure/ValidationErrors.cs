using FluentValidation.Results;

namespace CareFlows.Server.Infrastructure;

/// <summary>Validation failures as a problem's <c>errors</c>: every message, grouped by the JSON path or name it is about.</summary>
public static class ValidationErrors
{
    public static Dictionary<string, string[]> ByPath(IEnumerable<ValidationFailure> failures) =>
        failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray());
}
