using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Governance.Portal.Security;

/// <summary>What a failed sign-in tells the person: enough to act on, nothing that confirms an account exists.</summary>
public static class SignInMessages
{
    public const string Failed = "Wrong user name or password, or the account is deactivated.";

    public static readonly string LockedOut =
        $"This account is locked after {IdentityRules.MaxFailedSignIns} failed sign-ins. Try again in {IdentityRules.LockoutMinutes} minutes or ask an administrator to unlock it.";

    public static string For(SignInResult outcome) => outcome.IsLockedOut ? LockedOut : Failed;
}
