using System.Security.Claims;
using Bunit;
using Governance.Data;
using Governance.Data.Notifications;
using Governance.Portal.Components.Layout;
using Governance.Portal.Notifications;
using Governance.Tests.Shared.Portal;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Governance.Portal.Tests.Notifications;

/// <summary>The bell rendered with bUnit over the real notice store of a test portal's database.</summary>
public sealed class NotificationBellTests : BunitContext, IAsyncLifetime, IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal;
    private readonly string _user = "bell-" + Guid.NewGuid().ToString("N")[..8];

    public NotificationBellTests(PortalFactory portal)
    {
        _portal = portal;
        using var _ = portal.Anonymous(); // starts the portal, which migrates its database
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, _user)], "test"));
        Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(principal));
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton(portal.Services.GetRequiredService<UserNotifications>());
        Services.AddScoped<NotificationBadge>();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private async Task NotifyAsync(string user, int count)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
            db.Notifications.Add(new NotificationRow { UserName = user, Title = $"notice {i}", Link = "/releases", CreatedUtc = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_bell_counts_only_the_signed_in_users_unread_notices_and_drops_to_none_when_they_are_read()
    {
        await NotifyAsync(_user, 2);
        await NotifyAsync(_user + "-other", 3);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("#notification-count .mud-badge").TextContent.Trim()));
        await _portal.Services.GetRequiredService<UserNotifications>().MarkAllReadAsync(_user);
        await bell.InvokeAsync(() => Services.GetRequiredService<NotificationBadge>().RaiseAsync());
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("#notification-count .mud-badge")));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
