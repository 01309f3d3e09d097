namespace CareFlows.Server.Auth;

public static class AuthApplicationBuilderExtensions
{
    /// <summary>
    /// Sign-in rate limits, then authentication (which checks the session), then the caller's audit context (which records
    /// the request if it is refused), then the forgery check, which needs to know whether a cookie signed the request
    /// in, then authorization.
    /// </summary>
    public static IApplicationBuilder UseCareFlowsAuth(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Infrastructure.RequestAuditing>();
        app.UseMiddleware<RequestForgeryGuard>();
        app.UseAuthorization();
        return app;
    }
}
