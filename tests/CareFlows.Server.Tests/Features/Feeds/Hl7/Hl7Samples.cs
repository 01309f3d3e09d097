namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>ADT messages in the shapes hospitals send, and a way to write segments by field number rather than by counting bars.</summary>
internal static class Hl7Samples
{
    /// <summary>A discharge home (PV1-36 "01") from a 2.5.1 feed; PID-3 lists the social security number before the MRN.</summary>
    public static string Discharge(string msh9 = "ADT^A03^ADT_A03", string version = "2.5.1", string controlId = "MSG00001",
        string evn = "EVN|A03|20240305142500-0500", string? pid = null, string? pv1 = null) => Message(
        $"MSH|^~\\&|EPIC|GENHOSP^2.16.840.1.113883.3.1^ISO|CAREFLOWS|PCPGROUP|20240305143000-0500||{msh9}|{controlId}|P|{version}",
        evn,
        pid ?? "PID|1||999887777^^^SSA^SS~12345^^^GENHOSP^MR||O'Brien^Mary^Ann^^^^L||19450612|F|||12 Main St^^Springfield^IL^62701",
        pv1 ?? DischargeVisit());

    public static string DischargeVisit(int? without = null, params (int Field, string Value)[] extra) => Segment(
        "PV1",
        [.. new[]
        {
            (1, "1"), (2, "I"), (3, "4WEST^412^B^GENHOSP"), (4, "E"), (7, "1234^Smith^John^^^Dr"), (10, "MED"),
            (19, "V98765^^^GENHOSP^VN"), (36, "01"), (37, "HOME"), (44, "20240301081500"), (45, "20240305140000"),
        }.Where(f => f.Item1 != without).Concat(extra)]);

    /// <summary>A cancelled discharge: the same visit, no discharge time.</summary>
    public static string CancelDischarge { get; } = Message(
        "MSH|^~\\&|EPIC|GENHOSP|CAREFLOWS|PCPGROUP|20240305160000-0500||ADT^A13^ADT_A01|MSG00002|P|2.5.1",
        "EVN|A13|20240305155900-0500",
        "PID|1||12345^^^GENHOSP^MR||O'Brien^Mary||19450612|F",
        Segment("PV1", (2, "I"), (3, "4WEST^412^B^GENHOSP"), (19, "V98765^^^GENHOSP^VN"), (44, "20240301081500")));

    /// <summary>An update whose name holds escaped separators, as an EHR sends a hyphen-less double-barrelled name.</summary>
    public static string Update { get; } = Message(
        "MSH|^~\\&|EPIC|GENHOSP|CAREFLOWS|PCPGROUP|20240306090000||ADT^A08|MSG00003|P|2.4",
        "EVN||20240306085900",
        "PID|1||12345^^^GENHOSP^MR||Smith\\S\\Jones^Anne\\T\\Marie||19700101|F",
        Segment("PV1", (2, "O"), (19, "V11111^^^GENHOSP^VN")),
        "NTE|1||Call daughter first\\.br\\Prefers \\F\\afternoons\\F\\ \\E\\ weekdays\\H\\");

    /// <summary>An admit in version 2.3 with no visit number yet, which an admit may lack.</summary>
    public static string Admit { get; } = Message(
        "MSH|^~\\&|CERNER|STMARYS|CAREFLOWS|PCPGROUP|200901011200||ADT^A01|A-77|P|2.3",
        "EVN|A01|200901011159",
        "PID|1||555^^^STMARYS||Doe^John||1960|M",
        Segment("PV1", (2, "I"), (4, "U"), (44, "200901011150")));

    /// <summary>The discharge again with other separators: * between fields, : between components, ! as escape, $ between subcomponents.</summary>
    public static string DischargeWithOwnDelimiters { get; } = Message(
        "MSH*:~!$*MEDITECH*NORTHCLINIC*CAREFLOWS*PCPGROUP*20240305143000+0100**ADT:A03:ADT_A03*N-42*P*2.8.2",
        "EVN*A03*20240305142500+0100",
        "PID*1**77:::NORTH$1.2.3$ISO:MR~88:::NORTH:PI**Lee!S!Park:Min**19800229*F",
        Segment("PV1", (1, "1"), (2, "I"), (3, "WARD3:12:A:NORTH"), (10, "SUR"), (19, "V42:::NORTH:VN"), (36, "03"), (37, "SNF-ELM"),
            (44, "20240301"), (45, "202403051400")).Replace('|', '*'));

    public static string Segment(string id, params (int Field, string Value)[] fields)
    {
        var values = Enumerable.Repeat(string.Empty, fields.Max(f => f.Field)).ToArray();
        foreach (var (field, value) in fields)
        {
            values[field - 1] = value;
        }

        return $"{id}|{string.Join('|', values)}";
    }

    public static string Message(params string[] segments) => string.Join('\r', segments) + "\r";
}
