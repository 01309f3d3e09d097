using System.Net.Http.Headers;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>
/// The real host, in process, on a real database of its own: migrations applied, demo users seeded, the test
/// workflows in <c>Workflows/</c> imported at start-up. Derived fixtures choose the database.
/// </summary>
public abstract class CareFlowsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The connection string of this fixture's database.</summary>
    public string ConnectionString { get; protected set; } = "";

    /// <summary>Extra settings a fixture or test needs, applied over the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual ValueTask InitializeAsync()
    {
        // Starting the server runs the start-up work (migrate, seed, import) before any test.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _signIn.Dispose();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes this fixture's database once the host has stopped.</summary>
    protected abstract Task DropDatabaseAsync();

    /// <summary>Resolves a service from the running host.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client signed in (bearer token) as the demo user holding <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsync(string role = Roles.Admin)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role));
        return client;
    }

    /// <summary>A client that signs in as a sending system with its feed <paramref name="key"/>.</summary>
    public HttpClient FeedClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(FeedKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    /// <summary>Signs in afresh the next time a role's client is asked for.</summary>
    protected void ForgetSignIns()
    {
        _signIn.Wait();
        try
        {
            _tokens.Clear();
        }
        finally
        {
            _signIn.Release();
        }
    }

    private async Task<string> TokenAsync(string role)
    {
        await _signIn.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(role, out var token))
            {
                using var anonymous = CreateClient();
                token = await DemoSignIn.BearerTokenAsync(anonymous, role);
                _tokens[role] = token;
            }

            return token;
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>Services a fixture adds or replaces after the host's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(ConfigureServices);
        builder.UseEnvironment("Testing");
        // As in Development (what the README's run command uses): a service the container cannot build fails at start.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Auth:SeedDemoUsers", "true");
        // Tests start from an empty inbox; the demo's own test turns it on.
        builder.UseSetting("Demo:SeedPathways", "false");
        builder.UseSetting("Workflows:Path", Path.Combine(AppContext.BaseDirectory, "Workflows"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Suites sign in far more often than people do; the limits have tests of their own with their own settings.
        builder.UseSetting("Auth:SignInLimits:PerAddressPermits", "100000");
        builder.UseSetting("Auth:SignInLimits:PerAccountPermits", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
