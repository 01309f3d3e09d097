using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.LoadHarness;

/// <summary>One ADT^A03 message and its control id (MSH-10), which its ACK must echo.</summary>
internal sealed record AdtDischarge(string ControlId, string Text);

/// <summary>
/// ADT^A03 discharges from an acute inpatient stay home (PV1-36 01), each for the patient and visit its id names
/// (MRN <c>MRN{id}</c>, visit <c>V{id}</c>), all discharged at the same time: the same id gives the same bytes, so a
/// message built again is a true resend.
/// </summary>
internal sealed class AdtDischarges(DateTimeOffset dischargedAt)
{
    private readonly string _discharged = Timestamp(dischargedAt);
    private readonly string _admitted = Timestamp(dischargedAt.AddDays(-3));

    public AdtDischarge For(string id)
    {
        var pv1 = new string?[46];
        pv1[0] = "PV1";
        pv1[1] = "1";
        pv1[2] = "I";
        pv1[3] = "4WEST^412^B^GENHOSP";
        pv1[4] = "E";
        pv1[10] = "MED";
        pv1[19] = $"V{id}^^^GENHOSP^VN";
        pv1[36] = "01";
        pv1[37] = "HOME";
        pv1[44] = _admitted;
        pv1[45] = _discharged;
        var controlId = "C" + id;
        string[] segments =
        [
            $"MSH|^~\\&|EPIC|GENHOSP|CAREFLOWS|PCPGROUP|{_discharged}||ADT^A03^ADT_A01|{controlId}|P|2.5.1",
            $"EVN|A03|{_discharged}",
            $"PID|1||MRN{id}^^^GENHOSP^MR||Bench^{id}||19480211|F",
            string.Join('|', pv1),
        ];
        return new AdtDischarge(controlId, string.Join('\r', segments) + "\r");
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
}

/// <summary>What the feed answered: the ACK, and over HTTP how many instances the message started.</summary>
internal sealed record AdtAnswer(string Ack, int? Started);

/// <summary>A way to send the feed one message and wait for its answer; throws unless the answer is AA.</summary>
internal interface IAdtSender
{
    Task<AdtAnswer> SendAsync(AdtDischarge message);
}

/// <summary><c>POST /api/feeds/adt</c> signed in with the demo hospital's key, one connection per client.</summary>
internal sealed class AdtHttpSender : IAdtSender, IDisposable
{
    private const string ApiKey = "careflows-demo-hospital-adt";
    private static readonly Uri Feed = new("/api/feeds/adt", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Hl7 = new("application/hl7-v2");

    private readonly HttpClient _client;

    public AdtHttpSender(Uri address, int clients)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), UseCookies = false };
        _client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async Task<AdtAnswer> SendAsync(AdtDischarge message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Feed) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(message.Text)) };
        request.Content.Headers.ContentType = Hl7;
        using var response = await _client.SendAsync(request);
        await HttpTarget.RequireSuccessAsync(response, $"ADT {message.ControlId}");
        var answer = await response.Content.ReadFromJsonAsync<Answer>() ?? throw new InvalidOperationException($"ADT {message.ControlId}: no answer.");
        return answer.Acknowledgement == "AA"
            ? new AdtAnswer(answer.Ack, answer.Started.Count)
            : throw new InvalidOperationException($"ADT {message.ControlId} answered {answer.Acknowledgement}: {answer.Ack}");
    }

    public void Dispose() => _client.Dispose();

    private sealed record Answer(string Acknowledgement, string Ack, IReadOnlyList<string> Started);
}

/// <summary>
/// MLLP connections to the server's listener, each used by one sender at a time: a message is written in its frame
/// and the ACK frame read before the connection takes the next.
/// </summary>
internal sealed class AdtMllpSender : IAdtSender, IDisposable
{
    private const int MaxAckBytes = 64 * 1024;
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(2);

    private readonly Channel<Connection> _idle = Channel.CreateUnbounded<Connection>();
    private readonly List<Connection> _all = [];

    public static async Task<AdtMllpSender> ConnectAsync(IPEndPoint endPoint, int connections)
    {
        var sender = new AdtMllpSender();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                var connection = await Connection.OpenAsync(endPoint);
                sender._all.Add(connection);
                sender._idle.Writer.TryWrite(connection);
            }
        }
        catch
        {
            sender.Dispose();
            throw;
        }

        return sender;
    }

    public async Task<AdtAnswer> SendAsync(AdtDischarge message)
    {
        var connection = await _idle.Reader.ReadAsync();
        try
        {
            using var timeout = new CancellationTokenSource(AckTimeout);
            await MllpFrameWriter.WriteAsync(connection.Stream, message.Text, timeout.Token);
            var read = await connection.Reader.ReadAsync(timeout.Token);
            if (read.Status != MllpReadStatus.Frame)
            {
                throw new InvalidOperationException($"MLLP {message.ControlId}: {read.Status} instead of an ACK.");
            }

            var ack = Encoding.UTF8.GetString(read.Payload);
            var msa = ack.Split('\r').FirstOrDefault(s => s.StartsWith("MSA|", StringComparison.Ordinal))?.Split('|')
                ?? throw new InvalidOperationException($"MLLP {message.ControlId}: an answer without MSA: {ack}");
            return msa.Length > 2 && msa[1] == "AA" && msa[2] == message.ControlId
                ? new AdtAnswer(ack, null)
                : throw new InvalidOperationException($"MLLP {message.ControlId} answered: {ack}");
        }
        finally
        {
            _idle.Writer.TryWrite(connection);
        }
    }

    public void Dispose()
    {
        _idle.Writer.TryComplete();
        foreach (var connection in _all)
        {
            connection.Dispose();
        }
    }

    private sealed class Connection : IDisposable
    {
        private readonly TcpClient _client;

        private Connection(TcpClient client)
        {
            _client = client;
            Stream = client.GetStream();
            Reader = new MllpFrameReader(Stream, MaxAckBytes);
        }

        public NetworkStream Stream { get; }

        public MllpFrameReader Reader { get; }

        public static async Task<Connection> OpenAsync(IPEndPoint endPoint)
        {
            var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync(endPoint);
                return new Connection(client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            // Closing the sending side first lets the server read the end of the stream between frames, a clean close.
            if (_client.Connected)
            {
                _client.Client.Shutdown(SocketShutdown.Send);
            }

            _client.Dispose();
        }
    }
}
