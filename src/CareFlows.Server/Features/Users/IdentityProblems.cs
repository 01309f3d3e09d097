using CareFlows.Server.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Features.Users;

/// <summary>
/// Turns what Identity refuses into the API's problems: a password its rules refuse is a 422 keyed by the password's
/// JSON path, an email it cannot use one keyed by the email's, a taken email or a concurrent change a 409.
/// </summary>
internal static class IdentityProblems
{
    public static void ThrowIfFailed(IdentityResult result, string? passwordKey = null, string? emailKey = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.FirstOrDefault(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)) is not null)
        {
            throw new ConflictException("A user with this email exists already.");
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConflictException("The user was changed by another request at the same time; read it again and retry.");
        }

        var errors = result.Errors
            .Select(e => e.Code.StartsWith("Password", StringComparison.Ordinal) && passwordKey is not null
                ? (Key: passwordKey, Message: e.Description)
                : e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) && emailKey is not null
                    ? (Key: emailKey, Message: $"'{emailKey[2..]}' must be an email address of letters, digits and the characters - . _ @ +.")
                    : (Key: "$", Message: e.Description))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
        throw new UnprocessableException("The request is invalid.", errors);
    }
}
