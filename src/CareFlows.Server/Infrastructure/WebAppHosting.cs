using Microsoft.Net.Http.Headers;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Serves the web app (built into <c>wwwroot</c> by the server's build) at <c>/</c>: its hashed assets, cached for a
/// year, and <c>index.html</c> for every other page address so that links into the app open the right page. Addresses
/// under the API stay the API's: an unknown one is a 404 problem, never the app.
/// </summary>
public static class WebAppHosting
{
    private static readonly string[] ApiPrefixes = ["/api", "/fhir", "/openapi", "/scalar", "/health"];

    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        // API requests never look for a file: the lookup would cost every GET under /api a trip to the file system.
        app.UseWhen(context => !IsApiPath(context.Request.Path), files => files.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // Vite names assets by their content hash, so a cached asset never goes stale; index.html must never be cached.
                context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        }));
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
        // Pages are read, never posted to: matching GET and HEAD only keeps this route from standing in for an API
        // endpoint that a request's content type rules out (its answer would become a 404). Last in order, like a fallback.
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            // An API address, or a file that is not there (an asset of an older build), is not a page.
            if (IsApiPath(context.Request.Path) || Path.HasExtension(context.Request.Path.Value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var file = index.Exists ? index : app.Environment.WebRootFileProvider.GetFileInfo("index.html");
            if (!file.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("The web app is not built. Build the server (dotnet build) with Node.js installed.");
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(file);
        }).WithOrder(int.MaxValue).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether the address is the API's; asked of every request, so without a closure or an enumerator.</summary>
    public static bool IsApiPath(PathString path)
    {
        foreach (var prefix in ApiPrefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
