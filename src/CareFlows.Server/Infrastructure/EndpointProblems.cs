namespace CareFlows.Server.Infrastructure;

public static class EndpointProblems
{
    /// <summary>
    /// Declares, for the OpenAPI document, the problem responses an endpoint can answer besides its typed results:
    /// 400 and 422 as validation problems with field errors, the others as plain problem details.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder = status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity
                ? builder.ProducesValidationProblem(status)
                : builder.ProducesProblem(status);
        }

        return builder;
    }
}
