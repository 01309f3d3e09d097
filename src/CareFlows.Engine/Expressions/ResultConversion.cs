using System.Text.Json;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// Converts an expression's value to the type its consumer declares, reporting a failure as a syntax error
/// when it happens while a definition is compiled and as an evaluation error when it happens at run time.
/// </summary>
internal static class ResultConversion
{
    public static object? AtCompileTime(object? value, Type resultType)
    {
        try
        {
            return ValueConverter.Convert(value, resultType);
        }
        catch (Exception e) when (IsConversionFailure(e))
        {
            throw new ExpressionSyntaxException(e.Message, e);
        }
    }

    public static object? AtRunTime(object? value, Type resultType)
    {
        try
        {
            return ValueConverter.Convert(value, resultType);
        }
        catch (Exception e) when (IsConversionFailure(e))
        {
            throw new ExpressionEvaluationException(e.Message, e);
        }
    }

    private static bool IsConversionFailure(Exception e) =>
        e is ValueConversionException or JsonException or FormatException or InvalidCastException or OverflowException
            or ArgumentException or InvalidOperationException or NotSupportedException;
}
