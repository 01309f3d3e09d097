using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>ADT^A01, A03, A08 and A13 read into <see cref="AdtMessage"/>, and every missing or malformed field named.</summary>
public sealed class AdtMessageTests
{
    private static readonly TimeZoneInfo Central = TimeZoneInfo.CreateCustomTimeZone("Test/Central", TimeSpan.FromHours(-6), "Central", "Central");

    private static AdtMappingResult Read(string text) => AdtMessage.From(Hl7Message.Parse(text), Central);

    [Fact]
    public void A_discharge_home_is_read_with_its_patient_and_visit()
    {
        var result = Read(Hl7Samples.Discharge());

        Assert.Empty(result.Problems);
        Assert.Equal(Hl7AckCode.Accept, result.AcknowledgementCode);
        var adt = result.Message!;
        Assert.Equal((AdtEvent.Discharge, "A03", "MSG00001", "2.5.1"), (adt.Event, adt.EventCode, adt.ControlId, adt.Version));
        Assert.Equal(("EPIC", "GENHOSP"), (adt.SendingApplication, adt.SendingFacility));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.FromHours(-5)), adt.MessageTime);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 25, 0, TimeSpan.FromHours(-5)), adt.RecordedAt);

        var patient = adt.Patient;
        Assert.Equal(new Hl7Identifier("12345", "GENHOSP", "MR"), patient.Mrn);
        Assert.Equal(["999887777", "12345"], patient.Identifiers.Select(i => i.Value));
        Assert.Equal(("O'Brien", "Mary", "F"), (patient.FamilyName, patient.GivenName, patient.Sex));
        Assert.Equal(new DateOnly(1945, 6, 12), patient.BirthDate);
        Assert.Null(patient.DeathTime);
        Assert.Null(patient.IsDeceased);

        var visit = adt.Visit;
        Assert.Equal(("I", "E", "MED"), (visit.PatientClass, visit.AdmissionType, visit.HospitalService));
        Assert.Equal(new AdtLocation("4WEST", "412", "B", "GENHOSP"), visit.Location);
        Assert.Equal(new Hl7Identifier("V98765", "GENHOSP", "VN"), visit.VisitNumber);
        Assert.Equal(("01", "HOME"), (visit.DischargeDisposition, visit.DischargedToLocation));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 15, 0, TimeSpan.FromHours(-6)), visit.AdmitTime);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 0, 0, TimeSpan.FromHours(-6)), visit.DischargeTime);
        Assert.Equal("A03|GENHOSP|V98765", adt.DeduplicationKey);
    }

    [Fact]
    public void A_cancelled_discharge_names_the_same_visit_under_another_key()
    {
        var cancel = Read(Hl7Samples.CancelDischarge).Message!;
        var discharge = Read(Hl7Samples.Discharge()).Message!;

        Assert.Equal(AdtEvent.CancelDischarge, cancel.Event);
        Assert.Null(cancel.Visit.DischargeTime);
        Assert.Equal(discharge.Visit.VisitNumber, cancel.Visit.VisitNumber);
        Assert.Equal("A13|GENHOSP|V98765", cancel.DeduplicationKey);
    }

    [Fact]
    public void A_resent_discharge_has_the_same_key()
    {
        var first = Read(Hl7Samples.Discharge(controlId: "MSG00001")).Message!;
        var resent = Read(Hl7Samples.Discharge(controlId: "MSG00099")).Message!;

        Assert.Equal(first.DeduplicationKey, resent.DeduplicationKey);
    }

    [Fact]
    public void An_update_with_a_two_part_message_type_and_escaped_names_is_read()
    {
        var adt = Read(Hl7Samples.Update).Message!;

        Assert.Equal((AdtEvent.Update, "2.4"), (adt.Event, adt.Version));
        Assert.Equal(("Smith^Jones", "Anne&Marie"), (adt.Patient.FamilyName, adt.Patient.GivenName));
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 8, 59, 0, TimeSpan.FromHours(-6)), adt.RecordedAt);
        Assert.Equal("A08|GENHOSP|V11111", adt.DeduplicationKey);
    }

    [Fact]
    public void An_admit_needs_no_visit_number_and_is_then_keyed_by_its_message()
    {
        var adt = Read(Hl7Samples.Admit).Message!;

        Assert.Equal((AdtEvent.Admit, "2.3"), (adt.Event, adt.Version));
        Assert.Null(adt.Visit.VisitNumber);
        Assert.Equal(new Hl7Identifier("555", "STMARYS", null), adt.Patient.Mrn);
        Assert.Equal(new DateOnly(1960, 1, 1), adt.Patient.BirthDate);
        Assert.Equal("A01|CERNER|STMARYS|A-77", adt.DeduplicationKey);
    }

    [Fact]
    public void A_message_with_its_own_separators_is_read_the_same_way()
    {
        var adt = Read(Hl7Samples.DischargeWithOwnDelimiters).Message!;

        Assert.Equal((AdtEvent.Discharge, "2.8.2", "MEDITECH"), (adt.Event, adt.Version, adt.SendingApplication));
        Assert.Equal(new Hl7Identifier("77", "NORTH", "MR"), adt.Patient.Mrn);
        Assert.Equal(("Lee:Park", "Min"), (adt.Patient.FamilyName, adt.Patient.GivenName));
        Assert.Equal(new DateOnly(1980, 2, 29), adt.Patient.BirthDate);
        Assert.Equal(("03", "SNF-ELM"), (adt.Visit.DischargeDisposition, adt.Visit.DischargedToLocation));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 0, 0, TimeSpan.FromHours(-6)), adt.Visit.DischargeTime);
    }

    [Fact]
    public void The_event_may_come_from_evn_1_when_msh_9_has_only_the_type()
    {
        var adt = Read(Hl7Samples.Discharge(msh9: "ADT")).Message!;

        Assert.Equal(AdtEvent.Discharge, adt.Event);
    }

    [Fact]
    public void Without_an_MR_identifier_the_first_one_is_the_mrn()
    {
        var adt = Read(Hl7Samples.Discharge(pid: "PID|1||A1^^^CLINIC^PI~B2^^^CLINIC^PT||Doe^Jane")).Message!;

        Assert.Equal("A1", adt.Patient.Mrn.Value);
    }

    [Fact]
    public void The_legal_name_is_preferred_and_death_is_read()
    {
        var adt = Read(Hl7Samples.Discharge(pid: "PID|1||12345^^^GENHOSP^MR||Jones^Peggy^^^^^N~Jones^Margaret^^^^^L||19300101|F" + new string('|', 21) + "202403051200|Y")).Message!;

        Assert.Equal("Margaret", adt.Patient.GivenName);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.FromHours(-6)), adt.Patient.DeathTime);
        Assert.True(adt.Patient.IsDeceased);
    }

    public static TheoryData<string, string, Hl7ErrorCode, string> Faults => new()
    {
        { Hl7Samples.Discharge(version: "2.2"), "MSH-12", Hl7ErrorCode.UnsupportedVersionId, "MSH-12 (version id) is 2.2" },
        { Hl7Samples.Discharge(version: "2.9"), "MSH-12", Hl7ErrorCode.UnsupportedVersionId, "versions 2.3 to 2.8.x are read" },
        { Hl7Samples.Discharge(version: "2.5.1.x"), "MSH-12", Hl7ErrorCode.UnsupportedVersionId, "MSH-12 (version id) is 2.5.1.x" },
        { Hl7Samples.Discharge(version: string.Empty), "MSH-12", Hl7ErrorCode.RequiredFieldMissing, "MSH-12 (version id) is required" },
        { Hl7Samples.Discharge(msh9: "ORU^R01^ORU_R01"), "MSH-9", Hl7ErrorCode.UnsupportedMessageType, "MSH-9 (message type) is ORU" },
        { Hl7Samples.Discharge(msh9: "ADT^A04^ADT_A01"), "MSH-9.2", Hl7ErrorCode.UnsupportedEventCode, "MSH-9.2 (trigger event) is A04" },
        { Hl7Samples.Discharge(msh9: "ADT", evn: "EVN||20240305142500"), "MSH-9.2", Hl7ErrorCode.RequiredFieldMissing, "MSH-9.2 (trigger event) is required" },
        { Hl7Samples.Discharge(msh9: string.Empty), "MSH-9", Hl7ErrorCode.RequiredFieldMissing, "MSH-9 (message type) is required" },
        { Hl7Samples.Discharge(controlId: string.Empty), "MSH-10", Hl7ErrorCode.RequiredFieldMissing, "MSH-10 (message control id) is required" },
        { Hl7Samples.Discharge(pv1: Hl7Samples.DischargeVisit(without: 19)), "PV1-19", Hl7ErrorCode.RequiredFieldMissing, "PV1-19 (visit number) is required" },
        { Hl7Samples.Discharge(msh9: "ADT^A13", pv1: Hl7Samples.DischargeVisit(without: 19)), "PV1-19", Hl7ErrorCode.RequiredFieldMissing, "PV1-19 (visit number) is required for ADT^A13" },
        { Hl7Samples.Discharge(msh9: "ADT^A08", pv1: Hl7Samples.DischargeVisit(without: 19)), "PV1-19", Hl7ErrorCode.RequiredFieldMissing, "PV1-19 (visit number) is required for ADT^A08" },
        { Hl7Samples.Discharge(pv1: Hl7Samples.DischargeVisit(without: 45)), "PV1-45", Hl7ErrorCode.RequiredFieldMissing, "PV1-45 (discharge date/time) is required" },
        { Hl7Samples.Discharge(pv1: Hl7Samples.DischargeVisit(45, (45, "2024-03-05"))), "PV1-45", Hl7ErrorCode.DataTypeError, "PV1-45 (discharge date/time) is 2024-03-05, which is not an HL7 date/time" },
        { Hl7Samples.Discharge(pv1: Hl7Samples.DischargeVisit(44, (44, "20241301"))), "PV1-44", Hl7ErrorCode.DataTypeError, "PV1-44 (admit date/time) is 20241301" },
        { Hl7Samples.Discharge(evn: "EVN|A03|yesterday"), "EVN-2", Hl7ErrorCode.DataTypeError, "EVN-2 (recorded date/time) is yesterday" },
        { Hl7Samples.Discharge(pid: "PID|1||12345^^^GENHOSP^MR||Doe^Jane||1945-06-12"), "PID-7", Hl7ErrorCode.DataTypeError, "PID-7 (date of birth) is 1945-06-12" },
        { Hl7Samples.Discharge(pid: "PID|1||12345^^^GENHOSP^MR||Doe^Jane" + new string('|', 25) + "X"), "PID-30", Hl7ErrorCode.TableValueNotFound, "PID-30 (patient death indicator) is X" },
        { Hl7Samples.Discharge(pid: "PID|1||^^^GENHOSP^MR||Doe^Jane"), "PID-3", Hl7ErrorCode.RequiredFieldMissing, "PID-3 (patient identifier list) is required" },
        { Hl7Samples.Discharge(pid: "NTE|1||no patient"), "PID", Hl7ErrorCode.SegmentSequenceError, "The PID segment is required" },
        { Hl7Samples.Discharge(pv1: "NTE|1||no visit"), "PV1", Hl7ErrorCode.SegmentSequenceError, "The PV1 segment is required" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_is_a_problem_naming_its_field(string text, string location, Hl7ErrorCode code, string message)
    {
        var result = Read(text);

        Assert.Null(result.Message);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((location, code), (problem.Location?.ToString(), problem.Code));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_reported_together_and_an_unsupported_version_is_a_rejection()
    {
        var result = Read(Hl7Samples.Discharge(version: "2.1", controlId: string.Empty, pv1: Hl7Samples.DischargeVisit(without: 19)));

        Assert.Equal(["MSH-12", "MSH-10", "PV1-19"], result.Problems.Select(p => p.Location?.ToString()));
        Assert.Equal(Hl7AckCode.Reject, result.AcknowledgementCode);
    }

    [Fact]
    public void Errors_in_content_are_acknowledged_as_errors()
    {
        var result = Read(Hl7Samples.Discharge(pv1: Hl7Samples.DischargeVisit(without: 19)));

        Assert.Equal(Hl7AckCode.Error, result.AcknowledgementCode);
    }
}
