using System.Text.RegularExpressions;
using Governance.Tests.Shared;
using Microsoft.Playwright;

namespace Governance.EndToEnd.Tests;

public sealed class RoleAccessInBrowserTests(PortalInBrowser portal) : IClassFixture<PortalInBrowser>
{
    public static TheoryData<string> AllRoles => new(ExpectedAccess.NavigationByRole.Keys);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_demo_role_signs_in_and_sees_only_its_own_navigation(string role)
    {
        var page = await portal.SignedInAsync(ExpectedAccess.DemoUserByRole[role]);
        await page.WaitForSelectorAsync("#nav-home");

        var links = await page.Locator("#main-navigation a[id^=nav-]").EvaluateAllAsync<string[]>("links => links.map(l => l.id)");

        Assert.Equal(ExpectedAccess.NavigationByRole[role], links);
        Assert.Equal(ExpectedAccess.DemoUserByRole[role], (await page.TextContentAsync("#signed-in-user"))?.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_every_page_and_returned_there_after()
    {
        var page = await portal.NewVisitorAsync();
        foreach (var path in ExpectedAccess.ProtectedPages)
        {
            await page.GotoAsync(path);
            await page.WaitForURLAsync(new Regex("/account/login"));
            Assert.True(await page.IsVisibleAsync("#username"), $"{path} did not show the sign-in form");
        }

        await page.GotoAsync("/admin/health");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", PortalInBrowser.DemoPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#overall-health");
        Assert.EndsWith("/admin/health", page.Url);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/health")]
    public async Task An_annotator_opening_an_Administrator_page_is_refused(string path)
    {
        var page = await portal.SignedInAsync("annotator");
        var response = await page.GotoAsync(path);
        await page.WaitForSelectorAsync("#access-refused");

        Assert.Contains("/account/access-denied", page.Url);
        Assert.Equal(0, await page.Locator("#users-table, #health-table").CountAsync());
        Assert.NotNull(response);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_visitor_on_the_sign_in_page_with_a_message()
    {
        var page = await portal.NewVisitorAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("#sign-in");

        var error = await page.WaitForSelectorAsync("#login-error");
        Assert.Contains("Wrong user name or password", await error!.TextContentAsync());
        await page.Context.CloseAsync();
    }
}
