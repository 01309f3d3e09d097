using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Every problem found in a definition (errors and warnings, each with its JSON path) and whether it can run.</summary>
public sealed record ValidationReportResponse(bool IsValid, bool CanRun, IReadOnlyList<ValidationProblem> Problems);

public static class ValidationReportMappings
{
    public static ValidationReportResponse ToResponse(this ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ValidationReportResponse(report.IsValid, report.CanRun, report.Problems);
    }
}
