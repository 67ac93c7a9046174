using System.Security.Claims;
using Governance.Core.Security;
using Governance.Portal.Notifications;
using Governance.Portal.Reports;
using Governance.Portal.Users;
using Governance.Portal.Workers;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Portal.Api;

internal static class GovernanceApi
{
    public sealed record RolesRequest(IReadOnlyList<string> Roles);

    public sealed record DeviceCheckRequest(int? MatrixSize);

    public sealed record Me(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Policies);

    public static WebApplication MapGovernanceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithApiConventions();
        api.MapDatasetApi();
        api.MapAuditApi();
        api.MapBiasAuditApi();
        api.MapPiiReviewApi();
        api.MapAnnotationApi();
        api.MapReleaseApi();
        api.MapNotificationApi();
        api.MapModelApi();

        api.MapGet("/me", async (ClaimsPrincipal user, IAuthorizationService authorization) =>
        {
            var admitted = new List<string>();
            foreach (var policy in Policies.All)
                if ((await authorization.AuthorizeAsync(user, policy)).Succeeded) admitted.Add(policy);
            return new Me(user.Identity!.Name!, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)], admitted);
        }).RequireAuthorization(Policies.SignedIn);

        var users = api.MapGroup("/users").RequireAuthorization(Policies.ManageUsers);
        users.MapGet("", (UserAdministration admin, CancellationToken ct) => admin.ListAsync(ct));
        users.MapPost("", async (InviteRequest request, UserAdministration admin, HttpRequest http) =>
        {
            var invitation = await admin.InviteAsync(request, $"{http.Scheme}://{http.Host}");
            return Results.Created($"/api/users/{invitation.User.Id}", invitation);
        });
        users.MapPut("/{id}/roles", (string id, RolesRequest request, UserAdministration admin, ClaimsPrincipal actor) =>
            admin.SetRolesAsync(id, request.Roles ?? [], ActorId(actor)));
        users.MapPost("/{id}/deactivate", (string id, UserAdministration admin, ClaimsPrincipal actor) =>
            admin.DeactivateAsync(id, ActorId(actor)));
        users.MapPost("/{id}/reactivate", (string id, UserAdministration admin, ClaimsPrincipal actor) => admin.ReactivateAsync(id, ActorId(actor)));
        users.MapPost("/{id}/invite-link", async (string id, UserAdministration admin, HttpRequest http) =>
            new { inviteUrl = await admin.NewInviteLinkAsync(id, $"{http.Scheme}://{http.Host}") });

        api.MapGet("/workers", (WorkerDirectory workers, CancellationToken ct) => workers.ListAsync(ct))
            .RequireAuthorization(Policies.ViewWorkers);

        var checks = api.MapGroup("/device-checks");
        checks.MapGet("", async (DeviceChecks all, CancellationToken ct) => (await all.RecentAsync(20, ct)).Select(DeviceCheckView.Of))
            .RequireAuthorization(Policies.ViewWorkers);
        checks.MapGet("/{id:guid}", async (Guid id, DeviceChecks all, CancellationToken ct) =>
            await all.FindAsync(id, ct) is { } check ? Results.Ok(DeviceCheckView.Of(check)) : Results.NotFound())
            .RequireAuthorization(Policies.ViewWorkers);
        checks.MapPost("", async (DeviceCheckRequest request, DeviceChecks all, ClaimsPrincipal actor, CancellationToken ct) =>
        {
            var check = await all.RequestAsync(actor.Identity!.Name!, request.MatrixSize ?? DeviceChecks.DefaultMatrixSize, ct);
            return Results.Accepted($"/api/device-checks/{check.Id}", DeviceCheckView.Of(check));
        }).RequireAuthorization(Policies.RunDeviceChecks);

        api.MapGet(SystemStatusReportSource.Path["/api".Length..], async (SystemStatusReportSource report, ClaimsPrincipal actor,
            Data.Audit.AuditTrail trail, HttpContext http, CancellationToken ct) =>
        {
            var pdf = await report.RenderAsync(actor.Identity!.Name!, ct);
            await trail.RecordAsync(http, "report:system-status", "report-download");
            return Results.File(pdf, "application/pdf", "system-status.pdf");
        })
            .RequireAuthorization(Policies.ViewSystemHealth);
        return app;
    }

    private static string ActorId(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
