namespace CareFlows.Server.Auth;

/// <summary>The roles CareFlows knows; each endpoint names the ones it admits.</summary>
public static class Roles
{
    public const string ClinicalLead = "ClinicalLead";
    public const string Coordinator = "Coordinator";
    public const string Auditor = "Auditor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [ClinicalLead, Coordinator, Auditor, Admin];
}
