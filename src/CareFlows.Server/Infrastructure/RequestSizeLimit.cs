using Microsoft.AspNetCore.Http.Features;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Every body has a size limit. A declared length over it is refused before reading; a chunked body is cut off by
/// the server's own limit while it is read. Either way the client gets a 413 problem.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        await next(context);
    });
}
