using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// One definition of an import and where it came from: <see cref="Path"/> is its JSON path in the upload (<c>$</c>
/// for a lone definition, <c>$[1]</c> for the second of an array or of several files), <see cref="File"/> the
/// uploaded file's name, if any. Errors about it are reported from there.
/// </summary>
public sealed record ImportItem(string Path, WorkflowDefinition Definition, string? File = null)
{
    /// <summary>A validation problem found in this definition alone, placed in the upload.</summary>
    public ValidationProblem Locate(ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem with
        {
            Path = Rebase(Path, problem.Path),
            Message = File is null ? problem.Message : $"In file '{File}': {problem.Message}",
        };
    }

    /// <summary>A path relative to one definition (starting with <c>$</c>), made relative to the upload.</summary>
    public static string Rebase(string prefix, string path)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('$') ? prefix + path[1..] : $"{prefix}.{path}";
    }
}
