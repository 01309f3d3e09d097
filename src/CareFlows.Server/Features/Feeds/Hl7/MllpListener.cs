using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CareFlows.Server.Audit;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Accepts HL7 v2 over MLLP: each connection's frames are read in order and each is answered with the ACK the
/// <see cref="IHl7MessageHandler"/> returns before the next is read; connections are served side by side.
/// The listener answers by itself only what never reaches the handler:
/// <list type="bullet">
/// <item>a frame whose bytes are not text in its character set: AR, and the connection goes on (the framing is intact);</item>
/// <item>a frame the stream ends inside: AR if the sender still reads (it may only have closed its sending side), then close;</item>
/// <item>a frame over <see cref="MllpOptions.MaxMessageBytes"/>: AR, then close (where that frame ends is unknown), reading
/// and dropping what the sender still sends for a moment, so that the close does not reset the connection under the AR;</item>
/// <item>a handler that throws: AE with code 207, so that the sender's queue neither stalls nor takes it for accepted.</item>
/// </list>
/// These refusals are addressed from the frame's MSH as far as it can be read. The port is bound in
/// <see cref="StartAsync"/>, so a port in use fails start-up, and <see cref="LocalEndPoint"/> is known once it returns.
/// </summary>
public sealed partial class MllpListener(MllpOptions options, IHl7MessageHandler handler, Hl7AckBuilder acks, TimeProvider clock, ILogger<MllpListener> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private TcpListener? listener;

    /// <summary>The address and port listened on (with port 0, the one the system chose); null when disabled or not started.</summary>
    public IPEndPoint? LocalEndPoint => listener?.LocalEndpoint as IPEndPoint;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Enabled)
        {
            options.Validated();
            listener = new TcpListener(IPAddress.Parse(options.Address), options.Port);
            listener.Start();
            LogListening(logger, listener.LocalEndpoint);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        listener?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (listener is null)
        {
            return;
        }

        using var slots = new SemaphoreSlim(options.MaxConnections);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (SocketException e)
                {
                    // A connection reset before it was accepted, or the process out of handles: the listener goes on,
                    // pausing briefly so that a lasting failure does not spin.
                    slots.Release();
                    LogAcceptFailed(logger, e);
                    await Task.Delay(TimeSpan.FromMilliseconds(100), clock, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                Track(ServeAsync(client, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            listener.Stop();
            await Task.WhenAll(connections.Keys).ConfigureAwait(false);
        }
    }

    private void Track(Task connection)
    {
        connections.TryAdd(connection, 0);
        connection.ContinueWith(c => connections.TryRemove(c, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Serves one connection until it closes, idles past the read timeout, breaks, or the server stops; never throws.</summary>
    private async Task ServeAsync(TcpClient client, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var remote = client.Client.RemoteEndPoint?.ToString() ?? "unknown";
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new MllpFrameReader(stream, options.MaxMessageBytes);
                LogConnected(logger, remote);
                while (await ServeFrameAsync(stream, reader, remote, stoppingToken).ConfigureAwait(false))
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message being handled is not acknowledged, so the sender sends it again.
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogConnectionLost(logger, remote, e);
        }
        finally
        {
            slots.Release();
            LogDisconnected(logger, remote);
        }
    }

    /// <summary>Reads and answers one frame; false when the connection is to be closed.</summary>
    private async Task<bool> ServeFrameAsync(NetworkStream stream, MllpFrameReader reader, string remote, CancellationToken stoppingToken)
    {
        MllpReadResult read;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            timeout.CancelAfter(options.ReadTimeout);
            try
            {
                read = await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                LogIdle(logger, remote, options.ReadTimeout);
                return false;
            }
        }

        switch (read.Status)
        {
            case MllpReadStatus.EndOfStream:
                return false;
            case MllpReadStatus.Truncated:
                await RefuseAsync(stream, read.Payload, remote, Hl7ErrorCode.SegmentSequenceError, "The frame ended before its end block (0x1C 0x0D).", stoppingToken).ConfigureAwait(false);
                return false;
            case MllpReadStatus.TooLarge:
                await RefuseAsync(stream, read.Payload, remote, Hl7ErrorCode.ApplicationInternalError, $"The frame is larger than {options.MaxMessageBytes} bytes.", stoppingToken).ConfigureAwait(false);
                await LingerAsync(stream, stoppingToken).ConfigureAwait(false);
                return false;
        }

        if (!Hl7TextEncoding.TryDecode(read.Payload, out var message, out var encoding))
        {
            await RefuseAsync(stream, read.Payload, remote, Hl7ErrorCode.DataTypeError, "The frame is not text in its character set (UTF-8, or ISO 8859-1 when MSH-18 says 8859/1).", stoppingToken).ConfigureAwait(false);
            return true;
        }

        string ack;
        try
        {
            // The sender is a client system known by its address; what the message does is recorded as its doing.
            using (AuditContext.Use(new AuditContext { ActorType = AuditActorTypes.Client, ActorId = "mllp", ClientAddress = remote }))
            {
                ack = await handler.HandleAsync(message, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, remote, e);
            const string text = "The message could not be processed.";
            ack = acks.Build(message, Hl7AckCode.Error, text, [new Hl7Problem(Hl7ErrorCode.ApplicationInternalError, null, text)]);
        }

        await WriteAsync(stream, ack, encoding, stoppingToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Answers AR to a frame the handler never sees. The sender may already be gone; then there is no one to tell.</summary>
    private async Task RefuseAsync(NetworkStream stream, byte[] payload, string remote, Hl7ErrorCode code, string reason, CancellationToken stoppingToken)
    {
        LogRefused(logger, remote, reason);
        var ack = acks.Build(Encoding.Latin1.GetString(payload), Hl7AckCode.Reject, reason, [new Hl7Problem(code, null, reason)]);
        try
        {
            await WriteAsync(stream, ack, Hl7TextEncoding.Utf8, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            LogConnectionLost(logger, remote, e);
        }
    }

    /// <summary>
    /// Closes while the sender may still be sending the rest of an oversized frame. Closing a socket with unread bytes
    /// resets the connection, which can destroy the AR before the sender reads it; so this side is shut first, and
    /// what still arrives is read and dropped for a short while.
    /// </summary>
    private static async Task LingerAsync(NetworkStream stream, CancellationToken stoppingToken)
    {
        stream.Socket.Shutdown(SocketShutdown.Send);
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        linger.CancelAfter(TimeSpan.FromSeconds(2));
        var discard = new byte[8192];
        try
        {
            while (await stream.ReadAsync(discard, linger.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The sender kept sending; the connection closes anyway.
        }
    }

    /// <summary>A sender that stops reading must not hold the connection forever, so writes share the read timeout.</summary>
    private async Task WriteAsync(NetworkStream stream, string ack, Encoding encoding, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.ReadTimeout);
        await MllpFrameWriter.WriteAsync(stream, ack, timeout.Token, encoding).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepting HL7 v2 messages over MLLP on {EndPoint}.")]
    private static partial void LogListening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting an MLLP connection failed; still listening.")]
    private static partial void LogAcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MLLP connection from {Remote} opened.")]
    private static partial void LogConnected(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MLLP connection from {Remote} closed.")]
    private static partial void LogDisconnected(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MLLP connection from {Remote} idle for {Timeout}; closing it.")]
    private static partial void LogIdle(ILogger logger, string remote, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "MLLP connection from {Remote} lost.")]
    private static partial void LogConnectionLost(ILogger logger, string remote, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a frame from {Remote} with AR: {Reason}")]
    private static partial void LogRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling an HL7 message from {Remote} failed; answered AE.")]
    private static partial void LogHandlerFailed(ILogger logger, string remote, Exception exception);
}
