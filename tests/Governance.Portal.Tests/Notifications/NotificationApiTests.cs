using System.Net;
using System.Net.Http.Json;
using Governance.Portal.Notifications;
using Governance.Portal.Tests.Releases;
using Governance.Tests.Shared.Portal;

namespace Governance.Portal.Tests.Notifications;

public sealed class NotificationApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly ReleaseHarness _releases = new(portal);

    private async Task<List<NotificationView>> NoticesAsync(string user, string releaseId, bool unreadOnly = false) =>
        [.. (await (await _releases.As(user)).GetFromJsonAsync<List<NotificationView>>($"/api/notifications?unread={unreadOnly}"))!
            .Where(n => n.Link == $"/releases/{releaseId}")];

    private async Task<int> UnreadAsync(string user) =>
        (await (await _releases.As(user)).GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count;

    [Fact]
    public async Task Each_user_a_step_concerns_finds_one_notice_per_step_linking_to_the_release_and_nobody_else_does()
    {
        // engineer submits (audits fail), compliance waives pii then bias (now InReview), compliance and reviewer approve.
        var id = await _releases.ReachAsync("Approved");

        var expected = new Dictionary<string, string[]>
        {
            ["engineer"] = ["compliance waived an audit of", "compliance waived an audit of", "compliance approved", "reviewer approved"],
            ["compliance"] = ["engineer submitted", "reviewer approved"],
            ["compliance2"] = ["engineer submitted", "compliance waived an audit of", "reviewer approved"],
            ["reviewer"] = ["compliance waived an audit of"],
            ["manager"] = ["compliance waived an audit of", "reviewer approved"],
            ["annotator"] = [],
            ["admin"] = [],
        };
        foreach (var (user, titles) in expected)
        {
            var notices = await NoticesAsync(user, id);
            Assert.True(titles.Length == notices.Count, $"{user}: {string.Join(" | ", notices.Select(n => n.Title))}");
            Assert.All(titles.Zip(notices.OrderBy(n => n.Id)), pair => Assert.StartsWith(pair.First, pair.Second.Title));
        }
        Assert.EndsWith("it is Approved.", (await NoticesAsync("manager", id)).MaxBy(n => n.Id)!.Title);
    }

    [Fact]
    public async Task A_refused_step_leaves_no_notice_behind()
    {
        var id = await _releases.ReachAsync("InReview");
        var before = (await NoticesAsync("engineer", id)).Count;

        var refused = await _releases.ActAsync("engineer", id, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, (await NoticesAsync("engineer", id)).Count);
        foreach (var user in new[] { "compliance", "compliance2", "reviewer", "manager" })
            Assert.DoesNotContain(await NoticesAsync(user, id), n => n.Title.StartsWith("engineer approved"));
    }

    [Fact]
    public async Task A_user_reads_and_marks_only_their_own_notices()
    {
        var id = await _releases.ReachAsync("Rejected");
        var engineers = await NoticesAsync("engineer", id);
        var rejection = Assert.Single(engineers, n => n.Title.StartsWith("reviewer rejected"));
        var reviewer = await _releases.As("reviewer");

        Assert.DoesNotContain((await reviewer.GetFromJsonAsync<List<NotificationView>>("/api/notifications"))!, n => n.Id == rejection.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"/api/notifications/{rejection.Id}/read", new { })).StatusCode);
        await reviewer.PostAsJsonAsync("/api/notifications/read-all", new { });
        Assert.Contains(await NoticesAsync("engineer", id, unreadOnly: true), n => n.Id == rejection.Id);
        using var anonymous = portal.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications")).StatusCode);

        var unread = await UnreadAsync("engineer");
        var marked = await (await _releases.As("engineer")).PostAsJsonAsync($"/api/notifications/{rejection.Id}/read", new { });

        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Equal(unread - 1, await UnreadAsync("engineer"));
        Assert.True(Assert.Single(await NoticesAsync("engineer", id), n => n.Id == rejection.Id).Read);
        var all = await (await _releases.As("engineer")).PostAsJsonAsync("/api/notifications/read-all", new { });
        Assert.True((await all.Content.ReadFromJsonAsync<MarkedRead>())!.Marked >= engineers.Count - 1);
        Assert.Equal(0, await UnreadAsync("engineer"));
    }
}
