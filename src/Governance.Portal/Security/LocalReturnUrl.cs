namespace Governance.Portal.Security;

/// <summary>Only same-site paths are followed after sign-in, so a link cannot send a user elsewhere.</summary>
public static class LocalReturnUrl
{
    public static string OrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) &&
        !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";
}
