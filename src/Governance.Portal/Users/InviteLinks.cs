using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Governance.Portal.Users;

/// <summary>The link with which an invited user sets their password; it works once and expires after <see cref="Lifetime"/>.</summary>
public static class InviteLinks
{
    public const string PagePath = "/account/accept-invite";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public static string RelativeUrl(string userId, string token) =>
        $"{PagePath}?user={Uri.EscapeDataString(userId)}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>The token as Identity issued it, or null when the link was cut or altered.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
