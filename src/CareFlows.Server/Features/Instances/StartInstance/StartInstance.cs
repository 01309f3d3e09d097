using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Runtime;
using Mediator;

namespace CareFlows.Server.Features.Instances.StartInstance;

/// <summary>Starts an instance of a definition's published version, or of the published version named.</summary>
/// <param name="DefinitionId">The definition to start.</param>
/// <param name="Version">A version that has been published; the currently published one when absent.</param>
/// <param name="CorrelationId">Ties the instance to a business key (a referral, an encounter); events use it.</param>
/// <param name="Name">A display name for the instance.</param>
/// <param name="Input">Workflow input, a JSON object readable with <c>getInput(name)</c>.</param>
public sealed record StartInstanceCommand(string DefinitionId, int? Version, string? CorrelationId, string? Name, JsonNode? Input)
    : ICommand<InstanceSnapshot>;

public sealed class StartInstanceHandler(WorkflowRuntime runtime) : ICommandHandler<StartInstanceCommand, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(StartInstanceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = new StartRequest
        {
            CorrelationId = command.CorrelationId,
            Name = command.Name,
            Input = (command.Input as JsonObject)?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone()),
        };
        return await runtime.StartAsync(command.DefinitionId, command.Version, request, cancellationToken);
    }
}
