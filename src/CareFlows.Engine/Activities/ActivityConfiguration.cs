using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities;

/// <summary>
/// What an activity sees when its definition is compiled: the properties it reads itself, a way to compile
/// expressions, and where to report problems. Its properties are read only through here, so that the names read can
/// be checked against the activity's descriptor.
/// </summary>
public sealed class ActivityConfiguration(
    ActivityDefinition definition,
    string path,
    ExpressionCompiler expressions,
    ExpressionCompilationContext context,
    List<CompilationError> errors)
{
    private readonly HashSet<string> _propertiesRead = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>JSON path of the activity in the definition, for error messages.</summary>
    public string Path => path;

    /// <summary>
    /// The raw JSON of one of the activity's properties (matched in any casing), or null when it is absent or null.
    /// The activity must describe it with a <see cref="ConfiguredInputAttribute"/>.
    /// </summary>
    public JsonNode? GetProperty(string name)
    {
        _propertiesRead.Add(name);
        return definition.GetProperty(name);
    }

    /// <summary>The JSON path of one of the activity's properties, under the key it is stored with, for error messages.</summary>
    public string PathOf(string name)
    {
        _propertiesRead.Add(name);
        return $"{path}.{definition.FindPropertyKey(name) ?? name}";
    }

    /// <summary>The names of the properties asked for so far.</summary>
    internal IReadOnlyCollection<string> PropertiesRead => _propertiesRead;

    /// <summary>Compiles an embedded expression; on failure records an error at <paramref name="jsonPath"/> and returns null.</summary>
    public CompiledExpression? Compile(ExpressionDefinition expression, Type resultType, string jsonPath)
    {
        try
        {
            return expressions.Compile(expression, resultType, context);
        }
        // A literal the input's type cannot hold is as wrong as an expression that does not parse.
        catch (Exception e) when (e is ExpressionSyntaxException or ValueConversionException)
        {
            errors.Add(new CompilationError(jsonPath, e.Message, CompilationErrorCode.InvalidExpression));
            return null;
        }
    }

    /// <summary>Records a problem with this activity's settings.</summary>
    public void AddError(string jsonPath, string message) =>
        errors.Add(new CompilationError(jsonPath, message, CompilationErrorCode.InvalidSetting));

    /// <summary>The declared variable with this id or name.</summary>
    public VariableDefinition? FindVariable(string idOrName) => context.FindVariable(idOrName);
}

/// <summary>A problem that stops a definition from running, with the JSON path at fault.</summary>
public sealed record CompilationError(string Path, string Message, CompilationErrorCode Code);

/// <summary>Kinds of compilation problems.</summary>
public enum CompilationErrorCode
{
    UnknownActivityType,
    InvalidExpression,
    InvalidSetting,
    UnsupportedRoot,
    NoStartActivity,
    MissingConnectionTarget,
}
