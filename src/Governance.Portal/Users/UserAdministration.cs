using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data;
using Governance.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Portal.Users;

/// <summary>
/// Creating, inviting, re-roling, deactivating and reactivating users; the Users page and the API both call this.
/// Every change to roles or status renews the user's security stamp, so open sessions pick it up within the
/// revalidation interval. Users are never deleted: their past work stays attributed to them.
/// </summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, GovernanceDbContext db, Data.Audit.AuditTrail trail, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return all.Select(u => Summarize(u, [.. rolesByUser[u.Id].OrderBy(r => r)], now)).ToList();
    }

    public async Task<Invitation> InviteAsync(InviteRequest request, string? baseUrl = null)
    {
        RequireKnownRoles(request.Roles);
        var user = new ApplicationUser
        {
            UserName = request.UserName.Trim(), Email = request.Email.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName.Trim() : request.DisplayName.Trim(),
            EmailConfirmed = true, CreatedUtc = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRolesAsync(user, request.Roles.Distinct()));
        return new Invitation(await SummarizeAsync(user), await InviteUrlAsync(user, baseUrl));
    }

    /// <summary>A fresh invite link, e.g. when the first expired or the user forgot their password.</summary>
    public async Task<string> NewInviteLinkAsync(string userId, string? baseUrl = null)
    {
        var user = await FindAsync(userId);
        if (!user.IsActive) throw new ValidationError("userId", $"{user.UserName} is deactivated; reactivate them first.");
        return await InviteUrlAsync(user, baseUrl);
    }

    public async Task<UserSummary> SetRolesAsync(string userId, IReadOnlyList<string> roles, string actorId)
    {
        RequireKnownRoles(roles);
        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (userId == actorId && current.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator))
            throw new ValidationError("roles", "You cannot remove your own Administrator role; ask another Administrator.");
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Distinct().Except(current)));
        Check(await users.UpdateSecurityStampAsync(user));
        await RecordAsync(actorId, user, "roles-changed", string.Join(",", current.Order()), string.Join(",", roles.Distinct().Order()));
        return await SummarizeAsync(user);
    }

    public async Task<UserSummary> DeactivateAsync(string userId, string actorId)
    {
        if (userId == actorId) throw new ValidationError("userId", "You cannot deactivate yourself; ask another Administrator.");
        var user = await FindAsync(userId);
        user.IsActive = false;
        user.DeactivatedUtc = clock.GetUtcNow();
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await RecordAsync(actorId, user, "deactivated", "active", "deactivated");
        return await SummarizeAsync(user);
    }

    public async Task<UserSummary> ReactivateAsync(string userId, string actorId)
    {
        var user = await FindAsync(userId);
        user.IsActive = true;
        user.DeactivatedUtc = null;
        Check(await users.UpdateAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await RecordAsync(actorId, user, "reactivated", "deactivated", "active");
        return await SummarizeAsync(user);
    }

    /// <summary>Sets the password of an invited user from their link; the link then stops working.</summary>
    public async Task AcceptInviteAsync(string userId, string? encodedToken, string password)
    {
        var user = await users.FindByIdAsync(userId);
        var token = InviteLinks.DecodeToken(encodedToken);
        if (user is not { IsActive: true } || token is null)
            throw new ValidationError("token", "This invite link is not valid. Ask your administrator for a new one.");
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            throw new ValidationError("token", "This invite link has expired or was already used. Ask your administrator for a new one.");
        Check(result, "password");
    }

    private async Task<string> InviteUrlAsync(ApplicationUser user, string? baseUrl) =>
        (baseUrl?.TrimEnd('/') ?? "") + InviteLinks.RelativeUrl(user.Id, await users.GeneratePasswordResetTokenAsync(user));

    /// <summary>Appends the change to the audit trail under the acting administrator's user name.</summary>
    private async Task RecordAsync(string actorId, ApplicationUser user, string action, string before, string after)
    {
        var actor = (await users.FindByIdAsync(actorId))?.UserName ?? actorId;
        await trail.AppendAsync(actor, null, $"user:{user.UserName}", action, before, after);
    }

    private async Task<ApplicationUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new ValidationError("userId", $"No user has the id '{userId}'.");

    private async Task<UserSummary> SummarizeAsync(ApplicationUser user) =>
        Summarize(user, [.. (await users.GetRolesAsync(user)).Order()], clock.GetUtcNow());

    private static UserSummary Summarize(ApplicationUser u, IReadOnlyList<string> roles, DateTimeOffset now) => new(
        u.Id, u.UserName ?? "", u.Email ?? "", u.DisplayName, roles, u.IsActive, u.PasswordHash is not null,
        u.LockoutEnd > now, u.CreatedUtc, u.DeactivatedUtc);

    private static void RequireKnownRoles(IReadOnlyList<string> roles)
    {
        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
            throw new ValidationError("roles", $"Unknown role(s) {string.Join(", ", unknown)}; use {string.Join(", ", Roles.All)}.");
    }

    private static void Check(IdentityResult result, string field = "user")
    {
        if (result.Succeeded) return;
        var first = result.Errors.First();
        var target = first.Code switch
        {
            _ when first.Code.Contains("Email", StringComparison.Ordinal) => "email",
            _ when first.Code.Contains("UserName", StringComparison.Ordinal) => "userName",
            _ when first.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
            _ => field,
        };
        throw new ValidationError(target, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
