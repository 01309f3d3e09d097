namespace CareFlows.Engine.Definitions.Serialization;

/// <summary>The text is not a readable workflow definition; <see cref="JsonPath"/> names the place at fault.</summary>
public sealed class WorkflowDefinitionFormatException : Exception
{
    public WorkflowDefinitionFormatException(string jsonPath, string message, Exception? inner = null)
        : base($"{jsonPath}: {message}", inner)
    {
        JsonPath = jsonPath;
        Reason = message;
    }

    public WorkflowDefinitionFormatException()
        : this("$", "The workflow definition could not be read.")
    {
    }

    public WorkflowDefinitionFormatException(string message)
        : this("$", message)
    {
    }

    public WorkflowDefinitionFormatException(string message, Exception inner)
        : this("$", message, inner)
    {
    }

    /// <summary>JSON path of the value at fault, for example <c>$.root.activities[2].type</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong, in plain language.</summary>
    public string Reason { get; }
}
