using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CareFlows.Server.Auth;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>
/// The built server run as a separate process on Kestrel, so a test can kill it the hard way (SIGKILL) and start
/// another on the same database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [ServerAssembly()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Auth__SeedDemoUsers"] = "true";
        start.Environment["Workflows__Path"] = Path.Combine(AppContext.BaseDirectory, "Workflows");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        await server.WaitUntilHealthyAsync(cancellationToken);
        return server;
    }

    /// <summary>Runs the server build as a command (<c>audit verify</c>, say) on a database, to its end: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(DatabaseProvider provider, string connectionString, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [ServerAssembly(), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A client signed in as the demo administrator.</summary>
    public async Task<HttpClient> ClientAsync(CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var token = await DemoSignIn.BearerTokenAsync(client, Roles.Admin, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly as when the machine loses the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it became healthy.");
            }

            try
            {
                if ((await client.GetAsync("/health", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The server did not become healthy within 60 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The server is built with the tests, in the same configuration: artifacts/bin/CareFlows.Server/<configuration>.
    private static string ServerAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Name;
        var bin = testOutput.Parent!.Parent!.FullName;
        var path = Path.Combine(bin, "CareFlows.Server", configuration, "CareFlows.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server before running this test.", path);
    }
}
