using System.Net;
using Governance.Portal.Demo;
using Governance.Portal.Security;

using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class SignInPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_sign_in_form_sets_the_session_cookie_and_returns_to_the_local_page_asked_for()
    {
        using var browser = portal.Anonymous();
        var result = await FormPost.SubmitAsync(browser, "/account/login?returnUrl=%2Fworkers", "login",
            ("Input.UserName", "engineer"), ("Input.Password", DemoAccounts.Password));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/workers", result.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/workers")).StatusCode);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var browser = portal.Anonymous();
        var result = await FormPost.SubmitAsync(browser, "/account/login?returnUrl=%2F%2Fevil.example%2F", "login",
            ("Input.UserName", "engineer"), ("Input.Password", DemoAccounts.Password));
        Assert.Equal("/", result.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_sets_no_session()
    {
        using var browser = portal.Anonymous();
        var result = await FormPost.SubmitAsync(browser, "/account/login", "login",
            ("Input.UserName", "engineer"), ("Input.Password", "not-the-password"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(WebUtility.HtmlEncode(SignInMessages.Failed), result.Body);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/workers")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = portal.Anonymous();
        await FormPost.SubmitAsync(browser, "/account/login", "login", ("Input.UserName", "admin"), ("Input.Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);

        var page = await browser.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await browser.PostAsync("/account/logout",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token))]));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/users")).StatusCode);
    }
}
