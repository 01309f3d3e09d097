namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>The ADT trigger events the care pathways listen to (HL7 table 0003).</summary>
public enum AdtEvent
{
    /// <summary>A01: admit/visit notification; a readmission within a follow-up period arrives as one.</summary>
    Admit,

    /// <summary>A03: discharge/end visit, which starts transitional-care follow-up.</summary>
    Discharge,

    /// <summary>A08: update patient information.</summary>
    Update,

    /// <summary>A13: cancel discharge, which withdraws the follow-up an A03 started.</summary>
    CancelDischarge,
}
