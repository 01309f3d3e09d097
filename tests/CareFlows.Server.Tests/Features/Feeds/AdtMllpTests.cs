using System.Net.Sockets;
using System.Text;
using CareFlows.Server.Features.Feeds.Hl7;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Feeds;

/// <summary>The ADT feed over MLLP, with a real TCP client against the running host: every message gets its ACK.</summary>
public sealed class AdtMllpTests(FeedsApp app) : IClassFixture<FeedsApp>
{
    private async Task<TcpClient> ConnectAsync()
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(app.Get<MllpListener>().LocalEndPoint!, TestContext.Current.CancellationToken);
        return socket;
    }

    private static async Task<Hl7Message> ExchangeAsync(TcpClient socket, string message)
    {
        await MllpFrameWriter.WriteAsync(socket.GetStream(), message, TestContext.Current.CancellationToken);
        return await ReadAckAsync(socket);
    }

    private static Task<Hl7Message> ReadAckAsync(TcpClient socket) => ReadAckAsync(socket.GetStream());

    private static async Task<Hl7Message> ReadAckAsync(NetworkStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var frame = await new MllpFrameReader(stream, 1 << 20).ReadAsync(timeout.Token);
        Assert.Equal(MllpReadStatus.Frame, frame.Status);
        return Hl7Message.Parse(Encoding.UTF8.GetString(frame.Payload));
    }

    private Task<int> InstancesAsync(string mrn) => app.QueryAsync(db => db.Instances.CountAsync(i => i.CorrelationId == mrn));

    [Fact]
    public async Task A_discharge_is_acknowledged_AA_and_starts_one_follow_up_however_often_it_is_sent()
    {
        var patient = AdtMessages.NewPatient();
        using var socket = await ConnectAsync();

        var first = await ExchangeAsync(socket, patient.Discharge());
        var again = await ExchangeAsync(socket, patient.Discharge());

        Assert.Equal(("AA", "AA"), (first.Value("MSA-1"), again.Value("MSA-1")));
        Assert.Contains("was received before", again.Value("MSA-3"), StringComparison.Ordinal);
        Assert.Equal(1, await InstancesAsync(patient.Mrn));
        Assert.Equal(1, await app.QueryAsync(db => db.Tasks.CountAsync(t => t.PatientMrn == patient.Mrn && t.Title.StartsWith("Post-discharge call"))));
    }

    [Fact]
    public async Task A_discharge_without_a_visit_number_is_answered_AE_naming_PV1_19()
    {
        var patient = AdtMessages.NewPatient();
        using var socket = await ConnectAsync();

        var ack = await ExchangeAsync(socket, patient.Discharge(without: 19));

        Assert.Equal("AE", ack.Value("MSA-1"));
        Assert.Equal(("PV1", "19"), (ack.Value("ERR-2.1"), ack.Value("ERR-2.3")));
        Assert.Equal(0, await InstancesAsync(patient.Mrn));
    }

    [Fact]
    public async Task A_wrong_version_is_answered_AR_naming_MSH_12()
    {
        var patient = AdtMessages.NewPatient();
        using var socket = await ConnectAsync();

        var ack = await ExchangeAsync(socket, patient.Discharge(version: "2.1"));

        Assert.Equal(("AR", "MSH", "12"), (ack.Value("MSA-1"), ack.Value("ERR-2.1"), ack.Value("ERR-2.3")));
        Assert.Equal(0, await InstancesAsync(patient.Mrn));
    }

    [Fact]
    public async Task Garbage_is_answered_AR_and_the_connection_goes_on()
    {
        var patient = AdtMessages.NewPatient();
        using var socket = await ConnectAsync();

        var garbage = await ExchangeAsync(socket, "this is not HL7 at all");
        var discharge = await ExchangeAsync(socket, patient.Discharge());

        Assert.Equal(("AR", "AA"), (garbage.Value("MSA-1"), discharge.Value("MSA-1")));
        Assert.Equal(1, await InstancesAsync(patient.Mrn));
    }

    [Fact]
    public async Task A_truncated_frame_is_answered_AR_and_starts_nothing()
    {
        var patient = AdtMessages.NewPatient();
        using var socket = await ConnectAsync();
        var message = Encoding.UTF8.GetBytes(patient.Discharge());

        var stream = socket.GetStream();
        await stream.WriteAsync((byte[])[0x0B, .. message[..(message.Length / 2)]], TestContext.Current.CancellationToken);
        socket.Client.Shutdown(SocketShutdown.Send);

        Assert.Equal("AR", (await ReadAckAsync(stream)).Value("MSA-1"));
        Assert.Equal(0, await InstancesAsync(patient.Mrn));
    }
}
