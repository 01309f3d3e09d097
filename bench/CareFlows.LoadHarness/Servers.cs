using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CareFlows.Server;
using CareFlows.Server.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareFlows.LoadHarness;

/// <summary>A running CareFlows server on a bench database.</summary>
internal interface IServerUnderTest : IAsyncDisposable
{
    /// <summary>From launch until the server was ready (start-up work done, timers rescheduled).</summary>
    TimeSpan StartupTime { get; }

    /// <summary>What TimerRecovery logged: timers rescheduled and how long that took.</summary>
    (int Count, long Milliseconds)? Rescheduled { get; }

    /// <summary>CPU time a server in a process of its own has used so far; zero in process (the harness's figure has it).</summary>
    TimeSpan ProcessorTime { get; }

    Task<ILoadTarget> ConnectAsync(int clients);
}

/// <summary>Where requests go: the runtime service itself, or the HTTP API.</summary>
internal interface ILoadTarget : IDisposable
{
    Task StartAsync(string definitionId, string correlationId, IReadOnlyDictionary<string, object?>? input);

    Task PublishAsync(string eventName, string correlationKey, string? idempotencyKey);
}

/// <summary>Settings both hosts share.</summary>
internal static class ServerSettings
{
    public const string TimerRecoveryCategory = "CareFlows.Server.Scheduling.TimerRecovery";

    public static Dictionary<string, string?> For(BenchDatabase database) => new()
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["Database:ConnectionString"] = database.ConnectionString,
        ["Workflows:Path"] = Path.Combine(AppContext.BaseDirectory, "Workflows"),
        ["Auth:SeedDemoUsers"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:" + TimerRecoveryCategory] = "Information",
    };
}

/// <summary>
/// The server's services in this process, registered as Program.cs registers them, without Kestrel: the in-process
/// runs call <see cref="WorkflowRuntime"/>, the service the API endpoints call, directly.
/// </summary>
internal sealed class InProcessServer(IHost host, TimeSpan startupTime) : IServerUnderTest
{
    private static readonly RecoveryLog Recovery = new();

    public TimeSpan StartupTime => startupTime;

    public (int Count, long Milliseconds)? Rescheduled => Recovery.Value;

    public TimeSpan ProcessorTime => TimeSpan.Zero;

    public static async Task<InProcessServer> StartAsync(BenchDatabase database, string serverFolder)
    {
        var watch = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = serverFolder,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(ServerSettings.For(database));
        Recovery.Value = null;
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).AddProvider(Recovery);

        // What Program.cs registers, less the HTTP API.
        builder.Services.AddCareFlowsServer(builder.Configuration, builder.Environment);

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InProcessServer(host, watch.Elapsed);
    }

    public Task<ILoadTarget> ConnectAsync(int clients) =>
        Task.FromResult<ILoadTarget>(new RuntimeTarget(host.Services.GetRequiredService<WorkflowRuntime>()));

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>Catches TimerRecovery's log line, which says how many timers it rescheduled and how long it took.</summary>
    private sealed class RecoveryLog : ILoggerProvider, ILogger
    {
        public (int Count, long Milliseconds)? Value { get; set; }

        public ILogger CreateLogger(string categoryName) => categoryName == ServerSettings.TimerRecoveryCategory ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "Count").Value is int count
                && values.FirstOrDefault(v => v.Key == "Elapsed").Value is long elapsed)
            {
                Value = (count, elapsed);
            }
        }

        public void Dispose()
        {
            // Shared by every in-process host of the run; nothing to release.
        }
    }
}

internal sealed class RuntimeTarget(WorkflowRuntime runtime) : ILoadTarget
{
    public async Task StartAsync(string definitionId, string correlationId, IReadOnlyDictionary<string, object?>? input)
    {
        var started = await runtime.StartAsync(definitionId, null, new CareFlows.Engine.Execution.StartRequest { CorrelationId = correlationId, Input = input });
        if (started.SubStatus != CareFlows.Engine.Execution.WorkflowSubStatus.Suspended)
        {
            throw new InvalidOperationException($"Instance {started.Id} is {started.SubStatus}, not Suspended.");
        }
    }

    public async Task PublishAsync(string eventName, string correlationKey, string? idempotencyKey)
    {
        var outcome = await runtime.PublishEventAsync(eventName, correlationKey, null, idempotencyKey);
        if (outcome.Disposition != EventDisposition.Delivered || outcome.Resumed.Count != 1)
        {
            throw new InvalidOperationException($"Event for {correlationKey}: {outcome.Disposition}, {outcome.Resumed.Count} resumed.");
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// The server's own build, run as a child process on Kestrel at 127.0.0.1 exactly as it ships, so the HTTP runs
/// include Kestrel, authentication, routing, validation and JSON on both sides of a real socket.
/// </summary>
internal sealed partial class ChildProcessServer : IServerUnderTest
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private readonly StartupLines _startup;

    private ChildProcessServer(Process process, ConcurrentQueue<string> log, StartupLines startup, Uri address, TimeSpan startupTime)
    {
        _process = process;
        _log = log;
        _startup = startup;
        Address = address;
        StartupTime = startupTime;
    }

    public Uri Address { get; }

    public TimeSpan StartupTime { get; }

    public (int Count, long Milliseconds)? Rescheduled => _startup.Rescheduled;

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the server with the harness's settings, and <paramref name="overrides"/> over them.</summary>
    public static async Task<ChildProcessServer> StartAsync(BenchDatabase database, string serverDll, string? logFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        var settings = ServerSettings.For(database);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = Environments.Production;
        var log = new ConcurrentQueue<string>();
        var startup = new StartupLines();
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ChildProcessServer(process, log, startup, address, TimeSpan.Zero);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{server.Tail()}");
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"The server did not answer /health within 3 minutes:\n{server.Tail()}");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(20);
        }

        return new ChildProcessServer(process, log, startup, address, watch.Elapsed);

        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            startup.Read(line);
            log.Enqueue(line);
            if (logFile is not null)
            {
                lock (log)
                {
                    File.AppendAllText(logFile, line + "\n");
                }
            }

            while (log.Count > 200)
            {
                log.TryDequeue(out _);
            }
        }
    }

    public async Task<ILoadTarget> ConnectAsync(int clients)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            await HttpTarget.SignInAsync(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new HttpTarget(client);
    }

    /// <summary>
    /// Where the server accepts MLLP, as its listener logged it (at Information, with <c>Feeds:Mllp:Port</c> 0 the
    /// port the system chose): no port is picked here and then lost to another process before the server binds it.
    /// </summary>
    public async Task<IPEndPoint> MllpEndPointAsync()
    {
        try
        {
            return await _startup.MllpEndPoint.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The server did not log an MLLP listener within 30 s (Feeds:Mllp:Enabled, and MllpListener at Information?):\n{Tail()}");
        }
    }

    public string Tail() => string.Join('\n', _log);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully, committing what is queued.
            await Shell.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], Environment.CurrentDirectory);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What the server's start-up logs that the harness reads: timers rescheduled, and the MLLP listener's address.</summary>
    private sealed partial class StartupLines
    {
        private readonly TaskCompletionSource<IPEndPoint> _mllp = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (int Count, long Milliseconds)? Rescheduled { get; private set; }

        public Task<IPEndPoint> MllpEndPoint => _mllp.Task;

        public void Read(string line)
        {
            var match = Recovery().Match(line);
            if (match.Success)
            {
                Rescheduled = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            }

            match = Mllp().Match(line);
            if (match.Success && IPEndPoint.TryParse(match.Groups[1].Value, out var endPoint))
            {
                _mllp.TrySetResult(endPoint);
            }
        }

        [GeneratedRegex(@"Rescheduled (\d+) open timers .* in (\d+) ms")]
        private static partial Regex Recovery();

        [GeneratedRegex(@"Accepting HL7 v2 messages over MLLP on (\S+?)\.?\s*$")]
        private static partial Regex Mllp();
    }
}
