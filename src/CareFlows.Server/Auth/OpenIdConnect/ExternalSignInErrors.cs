namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>
/// Why a sign-in through the provider was refused, as the code the sign-in page is sent back with
/// (<c>/sign-in?error=…</c>) and shows a message for.
/// </summary>
public static class ExternalSignInErrors
{
    /// <summary>The provider's answer could not be verified (state, nonce, signature, issuer …) or the provider reported an error.</summary>
    public const string Failed = "sso-failed";

    /// <summary>The user declined, or the provider refused them (<c>access_denied</c>).</summary>
    public const string Cancelled = "sso-cancelled";

    /// <summary>The CareFlows account linked to the user is deactivated.</summary>
    public const string Deactivated = "sso-deactivated";

    /// <summary>The provider gave no email address CareFlows can create the user's account with.</summary>
    public const string NoEmail = "sso-no-email";

    /// <summary>The provider could not be reached to start signing in (its discovery document or keys did not load).</summary>
    public const string Unavailable = "sso-unavailable";

    /// <summary>A local account already has the email, and is not linked to the provider.</summary>
    public const string EmailTaken = "sso-email-taken";

    /// <summary>The sign-in page, showing <paramref name="code"/>, and where to go after signing in there.</summary>
    public static string SignInPage(string code, string? returnUrl) =>
        returnUrl is null or "/" ? $"/sign-in?error={code}" : $"/sign-in?error={code}&returnTo={Uri.EscapeDataString(returnUrl)}";
}
