using System.Security.Claims;
using System.Text.Json;
using Governance.Core.Annotation.Projects;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Annotation;

namespace Governance.Portal.Api;

/// <summary>/api/annotation: projects, the annotator's tasks, review, gold records, quality and the merge into a version.</summary>
internal static class AnnotationApi
{
    public sealed record CreateProjectRequest(string Dataset, int? Version, string Name, string? Guidelines, JsonElement Questions, int? Overlap,
        IReadOnlyList<string>? Annotators, double? GoldRate, DateTimeOffset? Deadline);

    public sealed record SubmitRequest(JsonElement Answers, int Revision, double? Seconds);

    public sealed record SkipRequest(string? Reason, int Revision);

    public sealed record DecisionRequest(long? TaskId, string? Comment, JsonElement? Answers);

    public sealed record DeactivateRequest(string? To);

    public sealed record DeadlineRequest(DateTimeOffset? Deadline);

    public sealed record MergeRequest(bool? ReviewedOnly);

    public static void MapAnnotationApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/annotation/projects");
        projects.MapGet("", async (AnnotationProjects all, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var list = await all.ListAsync(ct);
            var everything = Policies.Admits(Policies.ManageAnnotationProjects, Roles(user));
            return list.Where(p => everything || p.Admits(Name(user))).Select(ProjectView.Of);
        }).RequireAuthorization(Policies.ViewAnnotationProjects);
        projects.MapPost("", async (CreateProjectRequest request, AnnotationProjects all, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var project = await all.CreateAsync(request.Dataset ?? "", request.Version, new ProjectDefinition(request.Name ?? "", request.Guidelines ?? "",
                Questions(request.Questions), request.Overlap ?? 1, request.Annotators, request.GoldRate ?? 0, request.Deadline), Name(user), ct);
            return Results.Created($"/api/annotation/projects/{Uri.EscapeDataString(project.Name)}", ProjectView.Of(await all.FindAsync(project.Name, ct)));
        }).RequireAuthorization(Policies.ManageAnnotationProjects);
        projects.MapGet("/{name}", async (string name, AnnotationProjects all, ClaimsPrincipal user, CancellationToken ct) =>
        {
            // The same rule as the list: annotators see only the projects they work in.
            var summary = await all.FindAsync(name, ct);
            if (!Policies.Admits(Policies.ManageAnnotationProjects, Roles(user)) && !summary.Admits(Name(user)))
                throw new RefusedError(Refusal.NotFound, $"There is no annotation project '{name}' you work in.");
            return ProjectView.Of(summary);
        }).RequireAuthorization(Policies.ViewAnnotationProjects);

        MapTasks(projects.MapGroup("/{name}/tasks").RequireAuthorization(Policies.AnnotateRecords));
        MapReview(projects.MapGroup("/{name}/review").RequireAuthorization(Policies.ReviewAnnotations));
        MapManagement(projects);
    }

    private static void MapTasks(RouteGroupBuilder tasks)
    {
        tasks.MapPost("/next", async (string name, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) =>
            await work.NextAsync(name, Name(user), ct) is { } task ? Results.Ok(task) : Results.NoContent());
        tasks.MapGet("/{id:long}", (string name, long id, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) => work.OpenAsync(name, id, Name(user), ct));
        tasks.MapGet("/{id:long}/previous", async (string name, long id, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) =>
            await work.NeighbourAsync(name, id, Name(user), forward: false, ct) is { } task ? Results.Ok(task) : Results.NoContent());
        tasks.MapGet("/{id:long}/following", async (string name, long id, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) =>
            await work.NeighbourAsync(name, id, Name(user), forward: true, ct) is { } task ? Results.Ok(task) : Results.NoContent());
        tasks.MapPut("/{id:long}/draft", async (string name, long id, JsonElement draft, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await work.SaveDraftAsync(name, id, Name(user), draft, ct);
            return Results.NoContent();
        });
        tasks.MapPost("/{id:long}/submit", (string name, long id, SubmitRequest request, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) =>
            work.SubmitAsync(name, id, Name(user), request.Answers, request.Revision, request.Seconds ?? 0, ct));
        tasks.MapPost("/{id:long}/skip", async (string name, long id, SkipRequest request, AnnotationWork work, ClaimsPrincipal user, CancellationToken ct) =>
            await work.SkipAsync(name, id, Name(user), request.Reason ?? "", request.Revision, ct) is { } next ? Results.Ok(next) : Results.NoContent());
    }

    private static void MapReview(RouteGroupBuilder review)
    {
        review.MapGet("", async (string name, int? take, AnnotationReviews reviews, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (waiting, page) = await reviews.QueueAsync(name, Name(user), take ?? 50, ct);
            return new { waiting, records = page.Select(p => new { record = p.Record, disagreement = p.Disagreement }) };
        });
        review.MapGet("/{record:long}", (string name, long record, AnnotationReviews reviews, ClaimsPrincipal user, CancellationToken ct) =>
            reviews.ItemAsync(name, record, Name(user), ct));
        review.MapPost("/{record:long}/accept", async (string name, long record, DecisionRequest request, AnnotationReviews reviews, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await reviews.AcceptAsync(name, record, request.TaskId ?? 0, Name(user), ct);
            return Results.NoContent();
        });
        review.MapPost("/{record:long}/reject", async (string name, long record, DecisionRequest request, AnnotationReviews reviews, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await reviews.RejectAsync(name, record, request.TaskId ?? 0, request.Comment ?? "", Name(user), ct);
            return Results.NoContent();
        });
        review.MapPost("/{record:long}/adjudicate", async (string name, long record, DecisionRequest request, AnnotationReviews reviews, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await reviews.AdjudicateAsync(name, record, request.Answers ?? default, Name(user), ct);
            return Results.NoContent();
        });
    }

    private static void MapManagement(RouteGroupBuilder projects)
    {
        projects.MapGet("/{name}/records/{record:long}/history", (string name, long record, AnnotationReviews reviews, CancellationToken ct) =>
            reviews.HistoryAsync(name, record, ct)).RequireAuthorization(Policies.ManageAnnotationProjects);
        projects.MapPut("/{name}/gold/{record:long}", async (string name, long record, JsonElement answers, AnnotationManagement management, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await management.SetGoldAsync(name, record, answers, Name(user), ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.ManageAnnotationProjects);
        projects.MapGet("/{name}/agreement", async (string name, AnnotationQuality quality, CancellationToken ct) => (await quality.ReportAsync(name, ct)).Agreement)
            .RequireAuthorization(Policies.ManageAnnotationProjects);
        projects.MapGet("/{name}/ratings.csv", async (string name, string dimension, AnnotationQuality quality, CancellationToken ct) =>
            Results.Text(await quality.RatingsCsvAsync(name, dimension, ct), "text/csv")).RequireAuthorization(Policies.ManageAnnotationProjects);
        projects.MapPost("/{name}/merge", async (string name, MergeRequest request, AnnotationOutput output, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (version, annotated) = await output.MergeAsync(name, request.ReviewedOnly ?? false, Name(user), ct);
            return Results.Created($"/api/datasets/versions/{version.Id}", new { version = version.Number, records = version.RecordCount, annotated, contentHash = version.ContentHash });
        }).RequireAuthorization(Policies.ManageAnnotationProjects);

        projects.MapGet("/{name}/quality", (string name, AnnotationQuality quality, CancellationToken ct) => quality.ReportAsync(name, ct))
            .RequireAuthorization(Policies.ManageAnnotators);
        projects.MapPost("/{name}/annotators/{annotator}/deactivate", async (string name, string annotator, DeactivateRequest request,
            AnnotationManagement management, ClaimsPrincipal user, CancellationToken ct) =>
            new { moved = await management.DeactivateAsync(name, annotator, string.IsNullOrWhiteSpace(request.To) ? null : request.To, Name(user), ct) })
            .RequireAuthorization(Policies.ManageAnnotators);
        projects.MapPost("/{name}/annotators/{annotator}/reactivate", async (string name, string annotator, AnnotationManagement management, CancellationToken ct) =>
        {
            await management.ReactivateAsync(name, annotator, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.ManageAnnotators);
        projects.MapPut("/{name}/deadline", async (string name, DeadlineRequest request, AnnotationManagement management, CancellationToken ct) =>
        {
            await management.SetDeadlineAsync(name, request.Deadline, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.ManageAnnotators);
    }

    private static IReadOnlyList<Question> Questions(JsonElement json)
    {
        try
        {
            return json.ValueKind == JsonValueKind.Array ? json.Deserialize<List<Question>>(ProjectDefinition.Json) ?? [] : [];
        }
        catch (JsonException e)
        {
            throw new Core.Validation.ValidationError("questions", $"The questions are not understood ({e.Path}): each is {{\"key\", \"kind\", \"title\", \"labels\" or \"criteria\"}}, kind one of {string.Join(", ", Enum.GetNames<QuestionKind>())}.");
        }
    }

    private static string Name(ClaimsPrincipal user) => user.Identity!.Name!;

    private static IEnumerable<string> Roles(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role).Select(c => c.Value);
}

/// <summary>A project as the API lists it.</summary>
public sealed record ProjectView(string Name, string Dataset, int Version, string Guidelines, IReadOnlyList<Question> Questions, int Overlap,
    IReadOnlyList<string> Annotators, IReadOnlyList<string> Deactivated, double GoldRate, DateTimeOffset? Deadline, long Records, long Submitted,
    long Reviewed, long Gold, string CreatedBy, DateTimeOffset CreatedUtc)
{
    public static ProjectView Of(ProjectSummary s) => new(s.Project.Name, s.Dataset, s.VersionNumber, s.Project.Guidelines, s.Questions, s.Project.Overlap,
        s.Annotators, s.Deactivated, s.Project.GoldRate, s.Project.Deadline, s.Project.RecordCount, s.Submitted, s.Reviewed, s.Gold, s.Project.CreatedBy, s.Project.CreatedUtc);
}
