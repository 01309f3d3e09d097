using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities;

/// <summary>Untyped access to an input, used when definitions are compiled.</summary>
public interface IInput
{
    /// <summary>The CLR type the input's value is converted to.</summary>
    Type ValueType { get; }

    /// <summary>The compiled expression, or null when the definition leaves the input unset.</summary>
    CompiledExpression? Expression { get; }

    /// <summary>Binds the input to a compiled expression.</summary>
    void Bind(CompiledExpression expression);
}

/// <summary>An activity input whose value comes from an expression evaluated when the activity runs.</summary>
/// <typeparam name="T">The type the value is converted to.</typeparam>
public sealed class Input<T>(T? defaultValue = default) : IInput
{
    public Type ValueType => typeof(T);

    public CompiledExpression? Expression { get; private set; }

    /// <summary>The value used when the definition leaves the input unset.</summary>
    public T? DefaultValue => defaultValue;

    /// <summary>True when the value is known without running anything (unset or a literal).</summary>
    public bool IsConstant => Expression is null || Expression.IsConstant;

    public void Bind(CompiledExpression expression) => Expression = expression;

    /// <summary>The value, evaluated in <paramref name="scope"/>.</summary>
    public T? Evaluate(IExpressionScope scope) => Expression switch
    {
        null => defaultValue,
        ConstantExpression constant => ValueConverter.Convert<T>(constant.Value),
        _ => ValueConverter.Convert<T>(Expression.Evaluate(scope)),
    };

    /// <summary>The value if it is known without running anything; otherwise false.</summary>
    public bool TryGetConstant(out T? value)
    {
        switch (Expression)
        {
            case null:
                value = defaultValue;
                return true;
            case ConstantExpression constant:
                value = ValueConverter.Convert<T>(constant.Value);
                return true;
            default:
                value = default;
                return false;
        }
    }
}

/// <summary>An activity output that a definition may bind to a variable.</summary>
/// <typeparam name="T">The output's type.</typeparam>
public sealed class Output<T> : IOutput
{
    public Type ValueType => typeof(T);

    public string? VariableName { get; private set; }

    public void Bind(string variableName) => VariableName = variableName;
}

/// <summary>Untyped access to an output, used when definitions are compiled.</summary>
public interface IOutput
{
    /// <summary>The output's type.</summary>
    Type ValueType { get; }

    /// <summary>The variable the output is written to, or null when it is not captured.</summary>
    string? VariableName { get; }

    /// <summary>Binds the output to a variable.</summary>
    void Bind(string variableName);
}
