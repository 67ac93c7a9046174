using Governance.Core.Datasets.Export;
using Governance.Core.Releases;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Data.Releases;
using Governance.Portal.Releases;
using System.Security.Claims;

namespace Governance.Portal.Api;

/// <summary>
/// Dataset releases: list, inbox, one with its timeline, submit a version, take a transition, comment, point at another
/// version, and the token-guarded download of a published version for workers.
/// </summary>
internal static class ReleaseApi
{
    public static void MapReleaseApi(this RouteGroupBuilder api)
    {
        var releases = api.MapGroup("/releases");
        releases.MapGet("", async (DatasetReleaseState? state, ReleaseQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.ListAsync(state, ct)).Select(r => ReleaseView.Of(r, user.ToActor()))).RequireAuthorization(Policies.ViewReleases);

        releases.MapGet("/inbox", async (ReleaseQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.InboxAsync(user.ToActor(), ct)).Select(r => ReleaseView.Of(r, user.ToActor()))).RequireAuthorization(Policies.ApproveReleases);

        releases.MapGet("/{id:guid}", async (Guid id, ReleaseQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            ReleaseView.Of(await queries.FindAsync(id, ct), user.ToActor())).RequireAuthorization(Policies.ViewReleases);

        releases.MapPost("", async (SubmitReleaseRequest body, DatasetReleases all, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        {
            var stored = await all.SubmitAsync(body.Dataset ?? "", body.Version, user.ToActor(), body.Comment, Client(http), ct);
            return Results.Created($"/api/releases/{stored.Row.Id}", ReleaseView.Of(stored, user.ToActor()));
        }).RequireAuthorization(Policies.ActOnReleases);

        releases.MapPost("/{id:guid}/comments", async (Guid id, ReleaseActionRequest body, DatasetReleases all, ClaimsPrincipal user, HttpContext http,
            CancellationToken ct) => ReleaseView.Of(await all.CommentAsync(id, user.ToActor(), body.Comment ?? "", Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.ActOnReleases);

        releases.MapPut("/{id:guid}/version", async (Guid id, ReleaseVersionRequest body, DatasetReleases all, ClaimsPrincipal user, HttpContext http,
            CancellationToken ct) => ReleaseView.Of(await all.ChangeVersionAsync(id, body.Version, user.ToActor(), Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.ManageDatasets);

        releases.MapPost("/{id:guid}/{action}", async (Guid id, string action, ReleaseActionRequest? body, DatasetReleases all, ClaimsPrincipal user,
            HttpContext http, CancellationToken ct) =>
            ReleaseView.Of(await all.ActAsync(id, action, user.ToActor(), body?.Comment, body?.Audit, Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.ActOnReleases);

        // Workers have no account: the token from the DatasetReleased message is the authorization, for this one version.
        releases.MapGet("/content/{versionId:guid}", async (Guid versionId, string? token, ReleaseDownloadTokens tokens, ReleaseQueries queries,
            DatasetCatalog catalog, HttpContext http, CancellationToken ct) =>
        {
            var stored = await queries.FindAsync(tokens.ReleaseFor(token, versionId), ct);
            if (stored.Row.VersionId != versionId || stored.Release.State != DatasetReleaseState.Published)
                throw new RefusedError(Refusal.Conflict, $"Release {stored.Row.Id} is {stored.Release.State}, not Published: nothing may be downloaded for training.");
            var version = await catalog.FindVersionAsync(versionId, ct);
            http.Response.Headers["X-Content-Sha256"] = stored.Release.ContentHash;
            return Results.Stream(output => catalog.ExportAsync(version, ExportFormat.Canonical, output, ct), "application/jsonl",
                $"{stored.Dataset}-v{stored.VersionNumber}.jsonl");
        }).AllowAnonymous();
    }

    private static string? Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
