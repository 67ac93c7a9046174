using Microsoft.AspNetCore.Identity;

namespace Governance.Data.Identity;

/// <summary>A person who signs in to the portal. Users are deactivated, never deleted, so their work stays attributed.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? DeactivatedUtc { get; set; }
}
