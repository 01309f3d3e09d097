using System.Globalization;
using CareFlows.Server.Tests.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds;

/// <summary>ADT messages about one patient and visit, dated around now so that the follow-ups they start are current.</summary>
internal sealed class AdtMessages(string mrn, string visit)
{
    private static int _controlIds;

    /// <summary>A patient and visit no other test uses.</summary>
    public static AdtMessages NewPatient() => new("MRN" + Guid.NewGuid().ToString("N")[..10], "V" + Guid.NewGuid().ToString("N")[..8]);

    public string Mrn => mrn;

    public string VisitNumber => visit;

    public DateTimeOffset DischargedAt { get; } = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(TimeSpan.FromHours(-5));

    public string Discharge(string version = "2.5.1", int? without = null, DateTimeOffset? dischargedAt = null) =>
        Message("A03", version, Pv1(without, (36, "01"), (37, "HOME"), (45, Timestamp(dischargedAt ?? DischargedAt))));

    public string CancelDischarge() => Message("A13", "2.5.1", Pv1(null));

    public string Admit(string newVisit) => new AdtMessages(mrn, newVisit).Message("A01", "2.5.1", new AdtMessages(mrn, newVisit).Pv1(null));

    private string Message(string trigger, string version, string pv1) => Hl7Samples.Message(
        $"MSH|^~\\&|EPIC|GENHOSP|CAREFLOWS|PCPGROUP|{Timestamp(DateTimeOffset.UtcNow)}||ADT^{trigger}^ADT_A01|C{Interlocked.Increment(ref _controlIds)}|P|{version}",
        $"EVN|{trigger}|{Timestamp(DateTimeOffset.UtcNow)}",
        $"PID|1||{mrn}^^^GENHOSP^MR||Adler^Ruth||19480211|F",
        pv1);

    private string Pv1(int? without, params (int Field, string Value)[] extra) => Hl7Samples.Segment(
        "PV1",
        [.. new[] { (1, "1"), (2, "I"), (3, "4WEST^412^B^GENHOSP"), (4, "E"), (10, "MED"), (19, $"{visit}^^^GENHOSP^VN"), (44, Timestamp(DischargedAt.AddDays(-3))) }
            .Concat(extra).Where(f => f.Item1 != without)]);

    private static string Timestamp(DateTimeOffset at)
    {
        var offset = at.Offset;
        return at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
