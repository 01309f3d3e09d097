namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>A patient location (HL7 PL: point of care ^ room ^ bed ^ facility), as PV1-3 gives it.</summary>
public sealed record AdtLocation(string? PointOfCare, string? Room, string? Bed, string? Facility);
