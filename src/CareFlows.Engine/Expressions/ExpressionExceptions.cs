namespace CareFlows.Engine.Expressions;

/// <summary>An expression does not parse, or refers to something that does not exist.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(string message)
        : base(message)
    {
    }

    public ExpressionSyntaxException()
    {
    }

    public ExpressionSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>An expression failed while running, or exceeded a sandbox limit (time, statements, recursion, memory).</summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    public ExpressionEvaluationException()
    {
    }

    public ExpressionEvaluationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
