using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities;

/// <summary>What an activity sees when its definition is compiled: its JSON and a way to compile expressions.</summary>
public sealed class ActivityConfiguration(
    ActivityDefinition definition,
    string path,
    ExpressionCompiler expressions,
    ExpressionCompilationContext context,
    List<CompilationError> errors)
{
    public ActivityDefinition Definition => definition;

    /// <summary>JSON path of the activity in the definition, for error messages.</summary>
    public string Path => path;

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
