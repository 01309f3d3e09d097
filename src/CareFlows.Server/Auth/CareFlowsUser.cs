using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

/// <summary>A person who signs in to CareFlows.</summary>
public sealed class CareFlowsUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
