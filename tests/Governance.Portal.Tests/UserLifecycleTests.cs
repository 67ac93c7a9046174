using System.Net;
using System.Net.Http.Json;
using Governance.Core.Security;
using Governance.Portal.Security;
using Governance.Portal.Users;

using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests;

public sealed class UserLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Correct-Horse-42!";

    private async Task<Invitation> InviteAsync(HttpClient admin, string userName, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new InviteRequest(userName, $"{userName}@example.org", $"{userName} Tester", roles));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Invitation>())!;
    }

    private static async Task<UserSummary> ActAsync(HttpClient admin, string userId, string action)
    {
        var response = await admin.PostAsJsonAsync($"/api/users/{userId}/{action}", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserSummary>())!;
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string userName, string password)
    {
        using var client = portal.Anonymous();
        return (await client.PostAsJsonAsync("/api/session", new { userName, password })).StatusCode;
    }

    private static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpStatusCode>> probe, HttpStatusCode expected)
    {
        var status = await probe();
        for (var i = 0; i < 40 && status != expected; i++)
        {
            await Task.Delay(100);
            status = await probe();
        }
        return status;
    }

    [Fact]
    public async Task An_invited_user_sets_a_password_from_the_link_once_and_signs_in_with_their_roles()
    {
        using var admin = await portal.SignedInAsync("admin");
        var invitation = await InviteAsync(admin, "ivy", Roles.Reviewer);
        Assert.False(invitation.User.HasPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync("ivy", NewPassword));

        var link = new Uri(invitation.InviteUrl).PathAndQuery;
        using var browser = portal.Anonymous();
        var weak = await FormPost.SubmitAsync(browser, link, "accept-invite", ("Input.Password", "short"), ("Input.Confirmation", "short"));
        Assert.Contains("id=\"invite-error\"", weak.Body);
        Assert.Contains("at least 12 characters", weak.Body);

        var accepted = await FormPost.SubmitAsync(browser, link, "accept-invite", ("Input.Password", NewPassword), ("Input.Confirmation", NewPassword));
        Assert.Contains("id=\"invite-accepted\"", accepted.Body);
        var reused = await FormPost.SubmitAsync(browser, link, "accept-invite", ("Input.Password", NewPassword + "x"), ("Input.Confirmation", NewPassword + "x"));
        Assert.Contains("expired or was already used", reused.Body);

        using var ivy = await portal.SignedInAsync("ivy", NewPassword);
        var me = await ivy.GetFromJsonAsync<Api.GovernanceApi.Me>("/api/me");
        Assert.Equal(["Reviewer"], me!.Roles);
        Assert.Equal([Policies.SignedIn, Policies.ViewDatasets, Policies.ViewAnnotationProjects, Policies.ReviewAnnotations, Policies.ManageAnnotationProjects,
            Policies.ViewReleases, Policies.ActOnReleases, Policies.ApproveReleases, Policies.ViewModels], me.Policies);
    }

    [Fact]
    public async Task A_deactivated_user_loses_their_open_session_cannot_sign_in_and_keeps_their_record()
    {
        using var admin = await portal.SignedInAsync("admin");
        var invitation = await InviteAsync(admin, "dora", Roles.MLEngineer);
        var link = new Uri(invitation.InviteUrl).PathAndQuery;
        using (var browser = portal.Anonymous())
            await FormPost.SubmitAsync(browser, link, "accept-invite", ("Input.Password", NewPassword), ("Input.Confirmation", NewPassword));
        using var dora = await portal.SignedInAsync("dora", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await dora.GetAsync("/api/workers")).StatusCode);

        var deactivated = await ActAsync(admin, invitation.User.Id, "deactivate");

        Assert.False(deactivated.IsActive);
        Assert.Equal(HttpStatusCode.Unauthorized, await EventuallyAsync(async () => (await dora.GetAsync("/api/workers")).StatusCode, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync("dora", NewPassword));
        var users = await admin.GetFromJsonAsync<List<UserSummary>>("/api/users");
        Assert.Contains(users!, u => u.UserName == "dora" && !u.IsActive && u.Roles.Contains(Roles.MLEngineer));

        await ActAsync(admin, invitation.User.Id, "reactivate");
        Assert.Equal(HttpStatusCode.NoContent, await SignInStatusAsync("dora", NewPassword));
    }

    [Fact]
    public async Task A_removed_role_stops_working_in_an_open_session()
    {
        using var admin = await portal.SignedInAsync("admin");
        var users = await admin.GetFromJsonAsync<List<UserSummary>>("/api/users");
        var manager = users!.Single(u => u.UserName == "manager");
        using var session = await portal.SignedInAsync("manager");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/workers")).StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/users/{manager.Id}/roles", new { roles = new[] { Roles.Annotator } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.NotEqual(HttpStatusCode.OK, await EventuallyAsync(async () => (await session.GetAsync("/api/workers")).StatusCode, HttpStatusCode.Unauthorized));
        using var again = await portal.SignedInAsync("manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/workers")).StatusCode);
        await admin.PutAsJsonAsync($"/api/users/{manager.Id}/roles", new { roles = new[] { Roles.Manager } });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var admin = await portal.SignedInAsync("admin");
        var invitation = await InviteAsync(admin, "lock", Roles.Annotator);
        using (var browser = portal.Anonymous())
            await FormPost.SubmitAsync(browser, new Uri(invitation.InviteUrl).PathAndQuery, "accept-invite",
                ("Input.Password", NewPassword), ("Input.Confirmation", NewPassword));

        using var client = portal.Anonymous();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/session", new { userName = "lock", password = "wrong-" + i });
        var response = await client.PostAsJsonAsync("/api/session", new { userName = "lock", password = NewPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(SignInMessages.LockedOut, await response.Content.ReadAsStringAsync());
        var users = await admin.GetFromJsonAsync<List<UserSummary>>("/api/users");
        Assert.True(users!.Single(u => u.UserName == "lock").IsLockedOut);
    }

    [Fact]
    public async Task An_Administrator_cannot_deactivate_themselves_or_drop_their_own_Administrator_role()
    {
        using var admin = await portal.SignedInAsync("admin");
        var me = (await admin.GetFromJsonAsync<List<UserSummary>>("/api/users"))!.Single(u => u.UserName == "admin");

        var deactivate = await admin.PostAsJsonAsync($"/api/users/{me.Id}/deactivate", new { });
        var demote = await admin.PutAsJsonAsync($"/api/users/{me.Id}/roles", new { roles = new[] { Roles.Manager } });

        Assert.Equal(HttpStatusCode.BadRequest, deactivate.StatusCode);
        Assert.Contains("userId", await deactivate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("roles", await demote.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_invitations_are_refused_naming_the_field()
    {
        using var admin = await portal.SignedInAsync("admin");
        var unknownRole = await admin.PostAsJsonAsync("/api/users", new InviteRequest("zed", "zed@example.org", "Zed", ["Wizard"]));
        var duplicate = await admin.PostAsJsonAsync("/api/users", new InviteRequest("admin", "other@example.org", "", [Roles.Annotator]));
        var badEmail = await admin.PostAsJsonAsync("/api/users", new InviteRequest("yan", "not-an-email", "", [Roles.Annotator]));

        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Contains("\"roles\"", await unknownRole.Content.ReadAsStringAsync());
        Assert.Contains("\"userName\"", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("\"email\"", await badEmail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_Administrators_manage_users()
    {
        foreach (var user in new[] { "annotator", "reviewer", "compliance", "engineer", "manager" })
        {
            using var client = await portal.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users",
                new InviteRequest("x" + user, $"x{user}@example.org", "", [Roles.Administrator]))).StatusCode);
        }
    }

    [Fact]
    public async Task State_changing_API_calls_must_be_JSON_so_a_cross_site_form_cannot_make_them()
    {
        using var admin = await portal.SignedInAsync("admin");
        var users = await admin.GetFromJsonAsync<List<UserSummary>>("/api/users");
        var target = users!.Single(u => u.UserName == "reviewer");

        var formPost = await admin.PostAsync($"/api/users/{target.Id}/deactivate", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);
        Assert.Contains((await admin.GetFromJsonAsync<List<UserSummary>>("/api/users"))!, u => u.UserName == "reviewer" && u.IsActive);
    }
}
