using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace CareFlows.Server.Auth;

/// <summary>
/// Throttles password guessing: sign-in and refresh attempts per client address (ASP.NET Core's rate limiter
/// middleware), and sign-in attempts per account, whoever makes them (<see cref="SignInAccountThrottle"/>). Either
/// limit answers 429 with <c>Retry-After</c>, before any password is checked.
/// </summary>
public static class SignInRateLimits
{
    public const string PerAddressPolicy = "SignInPerAddress";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, SignInLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        services.AddSingleton(_ => new SignInAccountThrottle(limits));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(TooManyAttempts(context.HttpContext, context.Lease).ExecuteAsync(context.HttpContext));
            o.AddPolicy(PerAddressPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddressKey(context.Connection.RemoteIpAddress),
                _ => Window(limits.PerAddressPermits, limits.PerAddressWindow)));
        });
        return services;
    }

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>A 429 problem whose <c>Retry-After</c> says when the limiter will admit the next attempt.</summary>
    internal static IResult TooManyAttempts(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem("Too many sign-in attempts. Wait as long as Retry-After says, then try again.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// The partition of a client address: IPv6 clients by their /64 network, which one client typically holds whole,
    /// so that stepping through addresses in it does not escape the limit.
    /// </summary>
    internal static string ClientAddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>Sign-in attempts per account (the normalized email), counted whether or not the account exists.</summary>
public sealed class SignInAccountThrottle(SignInLimitOptions limits) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        account => RateLimitPartition.GetFixedWindowLimiter(account, _ => SignInRateLimits.Window(limits.PerAccountPermits, limits.PerAccountWindow)),
        StringComparer.Ordinal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault()?.Email is { } email)
        {
            using var lease = _limiter.AttemptAcquire(email.Trim().Normalize().ToUpperInvariant());
            if (!lease.IsAcquired)
            {
                return SignInRateLimits.TooManyAttempts(context.HttpContext, lease);
            }
        }

        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
