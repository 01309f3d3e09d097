using System.Text.RegularExpressions;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>Reads an <see cref="AdtMessage"/> field by field, noting every problem rather than stopping at the first.</summary>
internal sealed partial class AdtMapper(Hl7Message message, TimeZoneInfo localZone)
{
    private static readonly Dictionary<string, AdtEvent> Events = new(StringComparer.Ordinal)
    {
        ["A01"] = AdtEvent.Admit,
        ["A03"] = AdtEvent.Discharge,
        ["A08"] = AdtEvent.Update,
        ["A13"] = AdtEvent.CancelDischarge,
    };

    private readonly List<Hl7Problem> problems = [];

    public AdtMappingResult Map()
    {
        var version = Version();
        var (eventCode, adtEvent) = Event();
        var controlId = Required("MSH-10", "message control id");
        var patient = Patient();
        var visit = Visit(adtEvent);
        var messageTime = Time("MSH-7", "message date/time");
        var recordedAt = Time("EVN-2", "recorded date/time");
        if (problems.Count > 0 || patient is null || visit is null)
        {
            return new AdtMappingResult(null, problems);
        }

        return new AdtMappingResult(
            new AdtMessage
            {
                Event = adtEvent!.Value,
                EventCode = eventCode!,
                ControlId = controlId!,
                Version = version!,
                SendingApplication = HierarchicDesignator(3),
                SendingFacility = HierarchicDesignator(4),
                MessageTime = messageTime,
                RecordedAt = recordedAt,
                Patient = patient,
                Visit = visit,
            },
            problems);
    }

    private string? Version()
    {
        var version = Required("MSH-12", "version id");
        if (version is not null && !SupportedVersion().IsMatch(version))
        {
            Problem(Hl7ErrorCode.UnsupportedVersionId, "MSH-12", $"MSH-12 (version id) is {version}; versions 2.3 to 2.8.x are read.");
        }

        return version;
    }

    private (string? Code, AdtEvent? Event) Event()
    {
        var type = Required("MSH-9", "message type");
        if (type is not null && type != "ADT")
        {
            Problem(Hl7ErrorCode.UnsupportedMessageType, "MSH-9", $"MSH-9 (message type) is {type}; only ADT messages are read.");
            return (null, null);
        }

        var code = message.Value("MSH-9.2") ?? message.Value("EVN-1");
        if (code is null)
        {
            Problem(Hl7ErrorCode.RequiredFieldMissing, "MSH-9.2", "MSH-9.2 (trigger event) is required, or EVN-1.");
            return (null, null);
        }

        if (!Events.TryGetValue(code, out var adtEvent))
        {
            Problem(Hl7ErrorCode.UnsupportedEventCode, "MSH-9.2", $"MSH-9.2 (trigger event) is {code}; A01, A03, A08 and A13 are read.");
            return (code, null);
        }

        return (code, adtEvent);
    }

    private AdtPatient? Patient()
    {
        if (!RequiredSegment("PID"))
        {
            return null;
        }

        var pid = message["PID"]!;
        var identifiers = pid.Field(3).Repetitions.Select(Hl7Identifier.From).OfType<Hl7Identifier>().ToList();
        if (identifiers.Count == 0)
        {
            Problem(Hl7ErrorCode.RequiredFieldMissing, "PID-3", "PID-3 (patient identifier list) is required.");
        }

        var names = pid.Field(5).Repetitions.ToList();
        var name = names.FirstOrDefault(n => n.Component(7).Value == "L") ?? pid.Field(5).Repetition(1);
        var birth = Time("PID-7", "date of birth");
        var patient = new AdtPatient
        {
            Mrn = identifiers.FirstOrDefault(i => i.TypeCode == "MR") ?? identifiers.FirstOrDefault()!,
            Identifiers = identifiers,
            FamilyName = NullIfEmpty(name.Component(1).Subcomponent(1)),
            GivenName = NullIfEmpty(name.Component(2).Value),
            BirthDate = birth is { } b ? DateOnly.FromDateTime(b.DateTime) : null,
            Sex = message.Value("PID-8"),
            DeathTime = Time("PID-29", "patient death date and time"),
            IsDeceased = DeathIndicator(),
        };
        return identifiers.Count == 0 ? null : patient;
    }

    private bool? DeathIndicator()
    {
        switch (message.Value("PID-30"))
        {
            case null:
                return null;
            case "Y":
                return true;
            case "N":
                return false;
            case var other:
                Problem(Hl7ErrorCode.TableValueNotFound, "PID-30", $"PID-30 (patient death indicator) is {other}; Y or N is expected.");
                return null;
        }
    }

    private AdtVisit? Visit(AdtEvent? adtEvent)
    {
        if (!RequiredSegment("PV1"))
        {
            return null;
        }

        var pv1 = message["PV1"]!;
        var visitNumber = Hl7Identifier.From(pv1.Field(19).Repetition(1));
        if (visitNumber is null && adtEvent is not (null or AdtEvent.Admit))
        {
            Problem(Hl7ErrorCode.RequiredFieldMissing, "PV1-19", $"PV1-19 (visit number) is required for ADT^{message.Value("MSH-9.2") ?? message.Value("EVN-1")}.");
        }

        var dischargeTime = Time("PV1-45", "discharge date/time");
        if (dischargeTime is null && adtEvent == AdtEvent.Discharge && message.Value("PV1-45") is null)
        {
            Problem(Hl7ErrorCode.RequiredFieldMissing, "PV1-45", "PV1-45 (discharge date/time) is required for a discharge.");
        }

        var location = pv1.Field(3).Repetition(1);
        return new AdtVisit
        {
            PatientClass = message.Value("PV1-2"),
            Location = location.IsEmpty ? null : new AdtLocation(
                NullIfEmpty(location.Component(1).Value),
                NullIfEmpty(location.Component(2).Value),
                NullIfEmpty(location.Component(3).Value),
                NullIfEmpty(location.Component(4).Value)),
            AdmissionType = message.Value("PV1-4"),
            HospitalService = message.Value("PV1-10"),
            VisitNumber = visitNumber,
            DischargeDisposition = message.Value("PV1-36"),
            DischargedToLocation = message.Value("PV1-37"),
            AdmitTime = Time("PV1-44", "admit date/time"),
            DischargeTime = dischargeTime,
        };
    }

    private bool RequiredSegment(string id)
    {
        if (message[id] is not null)
        {
            return true;
        }

        Problem(Hl7ErrorCode.SegmentSequenceError, id, $"The {id} segment is required.");
        return false;
    }

    private string? Required(string path, string name)
    {
        var value = message.Value(path);
        if (value is null)
        {
            Problem(Hl7ErrorCode.RequiredFieldMissing, path, $"{path} ({name}) is required.");
        }

        return value;
    }

    /// <summary>A time field read in the sender's zone; one that is present but not a valid HL7 date/time is a problem.</summary>
    private DateTimeOffset? Time(string path, string name)
    {
        var text = message.Value(path);
        if (text is null)
        {
            return null;
        }

        if (Hl7Timestamp.TryParse(text, localZone, out var value))
        {
            return value;
        }

        Problem(Hl7ErrorCode.DataTypeError, path, $"{path} ({name}) is {text}, which is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS[.SSSS]]]]]][+/-ZZZZ]).");
        return null;
    }

    private string? HierarchicDesignator(int field)
    {
        var value = message.Header.Field(field).Component(1);
        return NullIfEmpty(value.Value) ?? NullIfEmpty(message.Header.Field(field).Component(2).Value);
    }

    private void Problem(Hl7ErrorCode code, string path, string text) => problems.Add(new Hl7Problem(code, Hl7Location.Parse(path), text));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^2\.[3-8](\.[0-9]+)?$")]
    private static partial Regex SupportedVersion();
}
