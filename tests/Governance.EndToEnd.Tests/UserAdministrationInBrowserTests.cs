using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class UserAdministrationInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
    private const string NewPassword = "Correct-Horse-42!";

    private static async Task InviteAsync(IPage admin, string userName, string role)
    {
        await PortalInBrowser.OpenInteractiveAsync(admin, "/admin/users");
        await admin.ClickAsync("#open-invite");
        await admin.FillAsync("#invite-username", userName);
        await admin.FillAsync("#invite-email", $"{userName}@example.org");
        await admin.FillAsync("#invite-displayname", $"{userName} Person");
        await admin.Locator($"#invite-role-{role}").ClickAsync();
        await admin.ClickAsync("#send-invite");
        await admin.WaitForSelectorAsync("#invite-url");
    }

    [Fact]
    public async Task An_Administrator_invites_a_user_who_sets_a_password_from_the_link_and_signs_in()
    {
        var admin = await portal.SignedInAsync("admin");
        await InviteAsync(admin, "nora", "MLEngineer");
        var link = await admin.InputValueAsync("#invite-url");
        Assert.Contains("/account/accept-invite?user=", link);

        var nora = await portal.NewVisitorAsync();
        await nora.GotoAsync(link);
        await nora.FillAsync("#new-password", NewPassword);
        await nora.FillAsync("#confirm-password", NewPassword);
        await nora.ClickAsync("#set-password");
        await nora.WaitForSelectorAsync("#invite-accepted");

        var signedIn = await portal.SignedInAsync("nora", NewPassword);
        await signedIn.WaitForSelectorAsync("#nav-workers");
        await signedIn.Context.CloseAsync();
        await nora.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_deactivated_by_an_Administrator_loses_their_open_page_within_the_revalidation_interval()
    {
        var engineer = await portal.SignedInAsync("engineer");
        await PortalInBrowser.OpenInteractiveAsync(engineer, "/workers");
        await engineer.WaitForSelectorAsync("#workers-table");

        var admin = await portal.SignedInAsync("admin");
        await PortalInBrowser.OpenInteractiveAsync(admin, "/admin/users");
        await admin.ClickAsync("#deactivate-engineer");
        await admin.WaitForSelectorAsync("#reactivate-engineer");

        // The engineer does nothing: the open page itself must notice within the interval (2 s here, 30 s by default).
        await engineer.WaitForURLAsync(new Regex("/account/login"), new() { Timeout = 15_000 });

        await admin.ClickAsync("#reactivate-engineer");
        await admin.WaitForSelectorAsync("#deactivate-engineer");
        await engineer.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Screens_of_the_running_portal_are_captured_for_the_documentation()
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var login = await portal.NewVisitorAsync();
        await login.GotoAsync("/account/login");
        await login.ScreenshotAsync(new() { Path = Path.Combine(folder, "sign-in.png") });

        var admin = await portal.SignedInAsync("admin");
        foreach (var (path, ready, name) in new[]
        {
            ("/", "#nav-home", "home-administrator.png"), ("/admin/users", "#users-table", "users.png"),
            ("/workers", "#workers-table", "workers.png"), ("/admin/health", "#health-table", "health.png"),
        })
        {
            await PortalInBrowser.OpenInteractiveAsync(admin, path);
            await admin.WaitForSelectorAsync(ready);
            await admin.WaitForTimeoutAsync(300);
            await admin.ScreenshotAsync(new() { Path = Path.Combine(folder, name) });
        }
        var annotator = await portal.SignedInAsync("annotator");
        await annotator.ScreenshotAsync(new() { Path = Path.Combine(folder, "home-annotator.png") });

        Assert.All(Directory.GetFiles(folder, "*.png"), file => Assert.True(new FileInfo(file).Length > 10_000, file));
        await Task.WhenAll(login.Context.CloseAsync(), admin.Context.CloseAsync(), annotator.Context.CloseAsync());
    }
}
