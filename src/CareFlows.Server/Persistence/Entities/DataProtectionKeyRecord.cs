namespace CareFlows.Server.Persistence.Entities;

/// <summary>A data-protection key (as XML), which signs cookies and bearer tokens; shared by every node.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
