using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Antiforgery;

namespace CareFlows.Server.Auth;

/// <summary>
/// Refuses cross-site request forgery. A browser attaches the session cookie to requests that another site makes, so
/// a cookie-authenticated change (POST, PUT, PATCH, DELETE) must come from this server's own origin and carry the
/// antiforgery token from <c>GET /api/auth/antiforgery</c> in a header, which a cross-site form cannot send. A cookie
/// sign-in must come from this origin too, so another site cannot sign a browser in as someone else. Bearer-token
/// requests carry their credential explicitly and pass unchecked.
/// </summary>
public sealed class RequestForgeryGuard(RequestDelegate next, IAntiforgery antiforgery, AuthOptions options)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            await next(context);
            return;
        }

        string? refusal;
        if (IsSignIn(request))
        {
            // Signing in again (as another user, say) needs no token from the session it replaces.
            refusal = UsesCookies(request) && !IsSameOrigin(request) ? ForeignOrigin : null;
        }
        else
        {
            refusal = context.Features.Get<SignedInSession>()?.Transport == SessionTransport.Cookie ? await RefusalAsync(context) : null;
        }

        if (refusal is not null)
        {
            await TypedResults.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private const string ForeignOrigin = "A request signed in with a cookie must carry this server's own Origin header.";

    private async Task<string?> RefusalAsync(HttpContext context)
    {
        if (!IsSameOrigin(context.Request))
        {
            return ForeignOrigin;
        }

        // Checked before the antiforgery service sees the request: without the header it would read a form body
        // looking for the token, which the endpoint then could not read.
        if (!context.Request.Headers.ContainsKey(HeaderName) || !await antiforgery.IsRequestValidAsync(context))
        {
            return $"A request signed in with a cookie must carry a valid {HeaderName} header (from GET /api/auth/antiforgery).";
        }

        return null;
    }

    private static bool IsSignIn(HttpRequest request) => request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase);

    private static bool UsesCookies(HttpRequest request) => bool.TryParse(request.Query["useCookies"], out var useCookies) && useCookies;

    private bool IsSameOrigin(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
        && (SameOrigin(origin, $"{request.Scheme}://{request.Host}") || options.TrustedOrigins.Any(trusted => SameOrigin(origin, trusted)));

    private static bool SameOrigin(Uri origin, string other) =>
        Uri.TryCreate(other, UriKind.Absolute, out var uri)
        && Uri.Compare(origin, uri, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
