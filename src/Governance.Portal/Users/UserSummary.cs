namespace Governance.Portal.Users;

/// <summary>A user as the Administrator pages and the users API show them.</summary>
public sealed record UserSummary(
    string Id, string UserName, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsActive,
    bool HasPassword, bool IsLockedOut, DateTimeOffset CreatedUtc, DateTimeOffset? DeactivatedUtc);

/// <summary>What an Administrator enters to invite someone.</summary>
public sealed record InviteRequest(string UserName, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>The invited user and the link to hand them.</summary>
public sealed record Invitation(UserSummary User, string InviteUrl);
