using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

/// <summary>A person who signs in to CareFlows.</summary>
public sealed class CareFlowsUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>When the account was deactivated; a deactivated user cannot sign in and has no live session.</summary>
    public DateTime? DeactivatedAt { get; set; }
}
