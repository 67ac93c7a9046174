using System.Net;
using System.Net.Http.Json;
using Governance.Data.Audit;
using Governance.Tests.Shared.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Portal.Tests;

public sealed class AuditTrailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_sign_outs_are_chained_in_the_audit_trail()
    {
        using var manager = await portal.SignedInAsync("manager");
        var failed = await portal.Anonymous().PostAsJsonAsync("/api/session", new { userName = "reviewer", password = "not-the-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        var signedOut = await manager.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/session") { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        var trail = portal.Services.GetRequiredService<AuditTrail>();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Governance.Data.GovernanceDbContext>();
        var actions = db.AuditRows.OrderBy(r => r.Sequence).Select(r => new { r.Actor, r.Action, r.ClientAddress }).ToList();

        Assert.Contains(actions, a => a.Actor == "manager" && a.Action == "sign-in");
        Assert.Contains(actions, a => a.Actor == "reviewer" && a.Action == "sign-in-failed");
        Assert.Contains(actions, a => a.Actor == "manager" && a.Action == "sign-out");
        Assert.DoesNotContain(actions, a => a.Action.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.Null(await trail.VerifyAsync());
    }

    [Fact]
    public async Task Role_changes_deactivation_exports_report_downloads_and_audit_requests_are_recorded_with_before_and_after()
    {
        using var admin = await portal.SignedInAsync("admin");
        using var manager = await portal.SignedInAsync("manager");
        var users = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/users");
        var engineer = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "engineer").GetProperty("id").GetString();
        await manager.ImportDatasetAsync("trail-data", "{\"text\":\"a\"}\n");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{engineer}/roles", new { roles = new[] { "MLEngineer", "Manager" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/users/{engineer}/deactivate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/users/{engineer}/reactivate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/reports/system-status.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/datasets/trail-data/versions/1/export?format=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await manager.PostAsJsonAsync("/api/datasets/trail-data/versions/1/pii-audit", new { threshold = 0.5 })).StatusCode);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Governance.Data.GovernanceDbContext>();
        var rows = db.AuditRows.OrderBy(r => r.Sequence).Select(r => new { r.Actor, r.Entity, r.Action, r.Before, r.After, r.ClientAddress }).ToList();

        Assert.Contains(rows, r => r.Actor == "admin" && r.Entity == "user:engineer" && r.Action == "roles-changed" && r.Before == "MLEngineer" && r.After == "Manager,MLEngineer");
        Assert.Contains(rows, r => r.Actor == "admin" && r.Entity == "user:engineer" && r.Action == "deactivated");
        Assert.Contains(rows, r => r.Actor == "admin" && r.Entity == "user:engineer" && r.Action == "reactivated");
        Assert.Contains(rows, r => r.Actor == "admin" && r.Action == "report-download" && r.Entity == "report:system-status");
        Assert.Contains(rows, r => r.Actor == "manager" && r.Action == "export" && r.After == "trail-data v1, Csv");
        Assert.Contains(rows, r => r.Actor == "manager" && r.Action == "pii-audit-requested");
        Assert.Null(await portal.Services.GetRequiredService<AuditTrail>().VerifyAsync());
    }

    [Fact]
    public async Task Compliance_officers_search_verify_and_export_the_trail_and_reviewers_may_not()
    {
        using var compliance = await portal.SignedInAsync("compliance");
        using var reviewer = await portal.SignedInAsync("reviewer");

        var page = await compliance.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/audit?actor=reviewer&action=sign-in&size=10");
        var verify = await compliance.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/audit/verify");
        var csv = await compliance.GetStringAsync("/api/audit/export?actor=compliance");

        Assert.True(page.GetProperty("total").GetInt64() >= 1);
        Assert.All(page.GetProperty("entries").EnumerateArray(), e => Assert.Contains("reviewer", e.GetProperty("actor").GetString()));
        Assert.True(verify.GetProperty("whole").GetBoolean());
        Assert.StartsWith("sequence,time_utc,actor,client_address,entity,action,before,after,previous_hash,hash\n", csv);
        Assert.Contains(",compliance,", csv);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/audit/export")).StatusCode);
    }
}
