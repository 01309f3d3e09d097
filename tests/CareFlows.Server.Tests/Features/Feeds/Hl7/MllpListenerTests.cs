using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using CareFlows.Server.Features.Feeds.Hl7;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>The MLLP listener on a real socket (an ephemeral loopback port) with a small handler that accepts what it parses.</summary>
public sealed class MllpListenerTests
{
    private static readonly Hl7AckBuilder Acks = new(TimeProvider.System);

    /// <summary>Accepts every message, except one whose control id is BOOM, on which it fails.</summary>
    private sealed class AcceptingHandler : IHl7MessageHandler
    {
        public ConcurrentQueue<string> Received { get; } = new();

        public Task<string> HandleAsync(string message, CancellationToken cancellationToken)
        {
            Received.Enqueue(message);
            var parsed = Hl7Message.Parse(message);
            return parsed.Value("MSH-10") == "BOOM"
                ? throw new InvalidOperationException("The workflow store is unavailable.")
                : Task.FromResult(Acks.Build(parsed, Hl7AckCode.Accept, "received"));
        }
    }

    [Fact]
    public async Task Each_frame_on_each_connection_is_answered_in_turn()
    {
        var handler = new AcceptingHandler();
        await using var server = await StartAsync(handler);
        using var first = await server.ConnectAsync();
        using var second = await server.ConnectAsync();

        await first.SendAsync(Hl7Samples.Discharge());
        await second.SendAsync(Hl7Samples.CancelDischarge);
        Assert.Equal(("AA", "MSG00001"), await first.ReceiveAckAsync());
        Assert.Equal(("AA", "MSG00002"), await second.ReceiveAckAsync());
        await first.SendAsync(Hl7Samples.Update);
        Assert.Equal(("AA", "MSG00003"), await first.ReceiveAckAsync());

        Assert.Equal(3, handler.Received.Count);
    }

    [Fact]
    public async Task A_frame_cut_short_is_refused_and_the_connection_closed()
    {
        var handler = new AcceptingHandler();
        await using var server = await StartAsync(handler);
        using var client = await server.ConnectAsync();

        await client.SendBytesAsync([0x0B, .. "MSH|^~\\&|EPIC|GENHOSP|CAREFLOWS|PCPGROUP|20240305||ADT^A03|CUT-1|P|2.5.1\rPID|1||123"u8]);
        client.Socket.Client.Shutdown(SocketShutdown.Send);

        var ack = await client.ReceiveAsync();
        Assert.Equal(("AR", "CUT-1", "EPIC"), (ack.Value("MSA-1"), ack.Value("MSA-2"), ack.Value("MSH-5")));
        Assert.Contains("ended before its end block", ack.Value("ERR-8"), StringComparison.Ordinal);
        Assert.Equal(MllpReadStatus.EndOfStream, (await client.ReadAsync()).Status);
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task A_frame_that_is_not_text_is_refused_and_the_next_one_read()
    {
        var handler = new AcceptingHandler();
        await using var server = await StartAsync(handler);
        using var client = await server.ConnectAsync();

        await client.SendBytesAsync([0x0B, .. "MSH|^~\\&|EPIC|GENHOSP|||20240305||ADT^A03|BAD-UTF8|P|2.5.1\rPID|1||1||Mu"u8, 0xC3, 0x28, .. "ller\r"u8, 0x1C, 0x0D]);
        await client.SendAsync(Hl7Samples.Discharge());

        var refused = await client.ReceiveAsync();
        Assert.Equal(("AR", "BAD-UTF8"), (refused.Value("MSA-1"), refused.Value("MSA-2")));
        Assert.Equal("102", refused.Value("ERR-3"));
        Assert.Equal(("AA", "MSG00001"), await client.ReceiveAckAsync());
        Assert.Single(handler.Received);
    }

    [Fact]
    public async Task A_frame_over_the_limit_is_refused_and_the_connection_closed()
    {
        await using var server = await StartAsync(new AcceptingHandler(), maxMessageBytes: 1024);
        using var client = await server.ConnectAsync();

        await client.SendAsync(Hl7Samples.Discharge(controlId: "HUGE") + "NTE|1||" + new string('x', 300_000) + "\r");

        var refused = await client.ReceiveAsync();
        Assert.Equal(("AR", "HUGE"), (refused.Value("MSA-1"), refused.Value("MSA-2")));
        Assert.Equal(MllpReadStatus.EndOfStream, (await client.ReadAsync()).Status);
    }

    [Fact]
    public async Task A_failing_handler_is_answered_AE_and_the_connection_goes_on()
    {
        await using var server = await StartAsync(new AcceptingHandler());
        using var client = await server.ConnectAsync();

        await client.SendAsync(Hl7Samples.Discharge(controlId: "BOOM"));
        var error = await client.ReceiveAsync();
        await client.SendAsync(Hl7Samples.Discharge());

        Assert.Equal(("AE", "BOOM", "207"), (error.Value("MSA-1"), error.Value("MSA-2"), error.Value("ERR-3")));
        Assert.Equal(("AA", "MSG00001"), await client.ReceiveAckAsync());
    }

    [Fact]
    public async Task A_disabled_listener_binds_nothing()
    {
        using var listener = new MllpListener(new MllpOptions(), new AcceptingHandler(), new Hl7AckBuilder(TimeProvider.System), TimeProvider.System, NullLogger<MllpListener>.Instance);

        await listener.StartAsync(TestContext.Current.CancellationToken);
        await listener.StopAsync(TestContext.Current.CancellationToken);

        Assert.Null(listener.LocalEndPoint);
    }

    private static async Task<RunningListener> StartAsync(IHl7MessageHandler handler, int maxMessageBytes = 64 * 1024)
    {
        var options = new MllpOptions { Enabled = true, Port = 0, MaxMessageBytes = maxMessageBytes, ReadTimeout = TimeSpan.FromSeconds(30) };
        var listener = new MllpListener(options, handler, new Hl7AckBuilder(TimeProvider.System), TimeProvider.System, NullLogger<MllpListener>.Instance);
        await listener.StartAsync(TestContext.Current.CancellationToken);
        return new RunningListener(listener);
    }

    private sealed class RunningListener(MllpListener listener) : IAsyncDisposable
    {
        public async Task<Client> ConnectAsync()
        {
            var socket = new TcpClient();
            await socket.ConnectAsync(listener.LocalEndPoint!, TestContext.Current.CancellationToken);
            return new Client(socket);
        }

        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }

    /// <summary>A sender: writes frames and reads the answers, giving up after ten seconds rather than hanging the run.</summary>
    private sealed class Client(TcpClient socket) : IDisposable
    {
        private readonly MllpFrameReader reader = new(socket.GetStream(), 1 << 20);

        public TcpClient Socket => socket;

        public Task SendAsync(string message) => MllpFrameWriter.WriteAsync(socket.GetStream(), message, TestContext.Current.CancellationToken);

        public async Task SendBytesAsync(byte[] bytes) => await socket.GetStream().WriteAsync(bytes, TestContext.Current.CancellationToken);

        public async Task<MllpReadResult> ReadAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            return await reader.ReadAsync(timeout.Token);
        }

        public async Task<Hl7Message> ReceiveAsync()
        {
            var result = await ReadAsync();
            Assert.Equal(MllpReadStatus.Frame, result.Status);
            return Hl7Message.Parse(Encoding.UTF8.GetString(result.Payload));
        }

        public async Task<(string? Code, string? ControlId)> ReceiveAckAsync()
        {
            var ack = await ReceiveAsync();
            return (ack.Value("MSA-1"), ack.Value("MSA-2"));
        }

        public void Dispose() => socket.Dispose();
    }
}
