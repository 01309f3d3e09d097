using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Gives the definition endpoints real schemas in the OpenAPI document where their bodies are read or written as raw
/// JSON: an import takes one definition or an array of them, or multipart files; a definition response holds one.
/// </summary>
internal sealed class DefinitionApiDocumentation : IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public const string ImportOperation = "ImportDefinitions";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // The endpoint declares that it accepts ElsaWorkflowDefinition, so its body schema refers to that component.
        if (operation.OperationId != ImportOperation || operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema is not { } definition)
        {
            return Task.CompletedTask;
        }

        var content = operation.RequestBody.Content;
        content["application/json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { OneOf = [definition, new OpenApiSchema { Type = JsonSchemaType.Array, Items = definition }] },
        };
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["files"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        Description = "Files each holding one Elsa 3 definition or an array of them.",
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(DefinitionResponse) && schema.Properties is { } properties)
        {
            properties["definition"] = await context.GetOrCreateSchemaAsync(typeof(ElsaWorkflowDefinition), cancellationToken: cancellationToken);
        }
    }
}
