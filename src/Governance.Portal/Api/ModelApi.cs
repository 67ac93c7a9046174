using System.Security.Claims;
using Governance.Core.Models;
using Governance.Core.Security;
using Governance.Data.Models;
using Governance.Portal.Releases;

namespace Governance.Portal.Api;

/// <summary>
/// The model registry (/api/models: list, register, one version, its card, evaluation and artifact) and model releases
/// (/api/model-releases: list, inbox, one, comment, take a transition). Each endpoint names its policy; which
/// transition a role may take is the lifecycle's rule, checked again per action.
/// </summary>
internal static class ModelApi
{
    public static void MapModelApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models");
        models.MapGet("", async (ModelQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.ListAsync(ct)).Select(m => ModelView.Of(m, user.ToActor()))).RequireAuthorization(Policies.ViewModels);

        models.MapPost("", async (RegisterModelRequest body, ModelRegistry registry, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        {
            var stored = await registry.RegisterAsync(body.ToRegistration(), user.ToActor(), Client(http), ct);
            return Results.Created($"/api/models/{stored.Version.Id}", ModelView.Of(stored, user.ToActor()));
        }).RequireAuthorization(Policies.RegisterModels);

        models.MapGet("/{id:guid}", async (Guid id, ModelQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            ModelView.Of(await queries.FindAsync(id, ct), user.ToActor())).RequireAuthorization(Policies.ViewModels);

        models.MapPut("/{id:guid}/card", async (Guid id, ModelCardRequest body, ModelRegistry registry, ClaimsPrincipal user, HttpContext http,
            CancellationToken ct) => ModelView.Of(await registry.EditCardAsync(id, body.ToText(), user.ToActor(), Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.EditModelCards);

        models.MapPost("/{id:guid}/evaluation", async (Guid id, ModelEvaluation body, ModelRegistry registry, ClaimsPrincipal user, HttpContext http,
            CancellationToken ct) => ModelView.Of(await registry.RecordEvaluationAsync(id, body, user.ToActor(), Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.RegisterModels);

        models.MapPut("/{id:guid}/artifact", async (Guid id, ModelArtifactRequest body, ModelRegistry registry, ClaimsPrincipal user, HttpContext http,
            CancellationToken ct) => ModelView.Of(await registry.ChangeArtifactAsync(id, body.ArtifactSha256, user.ToActor(), Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.RegisterModels);

        var releases = api.MapGroup("/model-releases");
        releases.MapGet("", async (ModelQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.ListAsync(ct)).Select(m => ModelReleaseView.Of(m, user.ToActor()))).RequireAuthorization(Policies.ViewModels);

        releases.MapGet("/inbox", async (ModelQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            (await queries.InboxAsync(user.ToActor(), ct)).Select(m => ModelReleaseView.Of(m, user.ToActor()))).RequireAuthorization(Policies.ApproveReleases);

        releases.MapGet("/{id:guid}", async (Guid id, ModelQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            ModelView.Of(await queries.FindByReleaseAsync(id, ct), user.ToActor())).RequireAuthorization(Policies.ViewModels);

        releases.MapPost("/{id:guid}/comments", async (Guid id, ModelReleaseActionRequest body, ModelReleases all, ClaimsPrincipal user, HttpContext http,
            CancellationToken ct) => ModelView.Of(await all.CommentAsync(id, user.ToActor(), body.Comment ?? "", Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.ActOnReleases);

        releases.MapPost("/{id:guid}/{action}", async (Guid id, string action, ModelReleaseActionRequest? body, ModelReleases all, ClaimsPrincipal user,
            HttpContext http, CancellationToken ct) => ModelView.Of(await all.ActAsync(id, action, user.ToActor(), body?.Comment, Client(http), ct), user.ToActor()))
            .RequireAuthorization(Policies.ActOnReleases);
    }

    private static string? Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
