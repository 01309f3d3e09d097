namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>Where a browser may be sent after signing in: a path on this server, never another site.</summary>
public static class LocalReturnUrl
{
    public const int MaxLength = 2048;

    /// <summary>
    /// The path, or "/" when none is given; null when it is not a local path. <c>//host</c> and <c>/\host</c> are
    /// refused: browsers read both as another host.
    /// </summary>
    public static string? Check(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl))
        {
            return "/";
        }

        var local = returnUrl.Length <= MaxLength
            && returnUrl[0] == '/'
            && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl);
        return local ? returnUrl : null;
    }
}
