using Scalar.AspNetCore;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Headers on every response, set as it starts so that error responses get them too: no MIME sniffing, no referrer,
/// no framing, a content security policy for the web app, HSTS over HTTPS, and no caching of anything under /api
/// or /fhir (which carry patient data and tokens).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only this server's own scripts, images, fonts and connections; no plugins, no framing. The web app's component
    /// library and canvas set styles at run time, so inline styles are allowed; inline scripts, event-handler attributes
    /// and eval never are. Scripts are named on their own although the default says the same, so that widening the
    /// default for something else (an image host, say) cannot widen them with it.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>
    /// The API reference page (Scalar) runs its own scripts, which carry the page's nonce, styles itself with inline
    /// styles at run time and uses data: images and fonts. Everything else stays as strict as everywhere.
    /// </summary>
    public static string ApiReferencePagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                ? ApiReferencePagePolicy(nonce)
                : ContentSecurityPolicy;

            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/fhir"))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            // Browsers ignore HSTS on plain HTTP; on a loopback host it would pin every local development server.
            if (context.Request.IsHttps && !IsLoopback(context.Request.Host.Host))
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
