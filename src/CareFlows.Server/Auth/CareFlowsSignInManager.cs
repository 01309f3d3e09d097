using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Auth;

/// <summary>Identity's sign-in manager, refusing deactivated users as it refuses unconfirmed ones.</summary>
public sealed class CareFlowsSignInManager(
    UserManager<CareFlowsUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CareFlowsUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CareFlowsUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CareFlowsUser> confirmation)
    : SignInManager<CareFlowsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CareFlowsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && await base.CanSignInAsync(user);
    }
}
