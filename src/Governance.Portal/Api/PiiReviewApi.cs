using System.Security.Claims;
using Governance.Core.PiiReview;
using Governance.Core.Security;
using Governance.Core.Validation;
using Governance.Data.Datasets;
using Governance.Data.PiiReview;

namespace Governance.Portal.Api;

/// <summary>
/// Review of a version's PII findings: list them, see where the review stands, confirm, dismiss, add missed ones, send
/// the review to annotators and apply their spans.
/// </summary>
internal static class PiiReviewApi
{
    public static void MapPiiReviewApi(this RouteGroupBuilder api)
    {
        var version = api.MapGroup("/datasets/{name}/versions/{number:int}");
        version.MapGet("/pii-findings", async (string name, int number, string? type, string? recognizer, bool? unreviewed, int? page, int? size,
            DatasetCatalog catalog, PiiFindingQueries queries, CancellationToken ct) =>
        {
            var (_, v) = await catalog.FindAsync(name, number, ct);
            var (total, findings) = await queries.PageAsync(v.Id, new PiiFindingQuery(type, recognizer, unreviewed ?? false, page ?? 0, size ?? 50), ct);
            return new { total, findings = findings.Select(FindingView.Of) };
        }).RequireAuthorization(Policies.ViewDatasets);

        version.MapGet("/pii-review", async (string name, int number, DatasetCatalog catalog, PiiFindingQueries queries, CancellationToken ct) =>
            await queries.SummaryAsync((await catalog.FindAsync(name, number, ct)).Version.Id, ct)).RequireAuthorization(Policies.ViewDatasets);

        version.MapPost("/pii-findings/decisions", async (string name, int number, DecisionRequest body, DatasetCatalog catalog, PiiReviews reviews,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (_, v) = await catalog.FindAsync(name, number, ct);
            await reviews.DecideAsync(v.Id, [.. body.Findings.Select(f => f.Key())], body.Parsed(), user.Identity!.Name!, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.ReviewPiiFindings);

        version.MapPost("/pii-findings/bulk", async (string name, int number, BulkDecisionRequest body, DatasetCatalog catalog, PiiReviews reviews,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (_, v) = await catalog.FindAsync(name, number, ct);
            var decided = await reviews.DecideUnreviewedAsync(v.Id, body.Type, body.Recognizer, DecisionRequest.Parse(body.Decision), user.Identity!.Name!, ct);
            return Results.Ok(new { decided });
        }).RequireAuthorization(Policies.ReviewPiiFindings);

        version.MapPost("/pii-findings/missed", async (string name, int number, FindingPlace body, DatasetCatalog catalog, PiiReviews reviews,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (_, v) = await catalog.FindAsync(name, number, ct);
            await reviews.AddMissedAsync(v.Id, body.Key(), user.Identity!.Name!, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.ReviewPiiFindings);

        version.MapPost("/pii-findings/annotation-projects", async (string name, int number, PiiAnnotationRequest body, PiiAnnotationRounds rounds,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var project = await rounds.SendAsync(name, number, body, user.Identity!.Name!, ct);
            return Results.Created($"/api/annotation/projects/{Uri.EscapeDataString(project.Name)}", new { project = project.Name });
        }).RequireAuthorization(Policies.ReviewPiiFindings);

        version.MapPost("/pii-findings/annotation-projects/{project}/apply", async (string name, int number, string project, PiiAnnotationRounds rounds,
            ClaimsPrincipal user, CancellationToken ct) => await rounds.ApplyAsync(name, number, project, user.Identity!.Name!, ct))
            .RequireAuthorization(Policies.ReviewPiiFindings);
    }
}

/// <summary>A finding's place as the API names it: the record 1-based, as the browser shows it.</summary>
public sealed record FindingPlace(long Record, string Field, int Start, int End, string Type)
{
    public PiiFindingKey Key() => Record >= 1 ? new(Record - 1, Field, Start, End, Type) : throw new ValidationError("record", "Records count from 1.");
}

/// <summary>A finding with its decision, as the API lists it; no value, only where it is.</summary>
public sealed record FindingView(long Record, string Field, int Start, int End, string Type, double? Score, string Recognizer, string? Decision, string? DecidedBy,
    DateTimeOffset? DecidedUtc)
{
    public static FindingView Of(ReviewedFinding f) => new(f.Key.Ordinal + 1, f.Key.Field, f.Key.Start, f.Key.End, f.Key.Type, f.Score, f.Recognizer,
        f.Decision?.ToString(), f.DecidedBy, f.DecidedUtc);
}

/// <summary>Confirm or dismiss the findings listed.</summary>
public sealed record DecisionRequest(string Decision, IReadOnlyList<FindingPlace> Findings)
{
    public PiiDecision Parsed() => Parse(Decision);

    public static PiiDecision Parse(string decision) => decision?.ToLowerInvariant() switch
    {
        "confirm" or "confirmed" => PiiDecision.Confirmed,
        "dismiss" or "dismissed" => PiiDecision.Dismissed,
        _ => throw new ValidationError("decision", $"'{decision}' is neither confirm nor dismiss."),
    };
}

/// <summary>Confirm or dismiss every unreviewed finding of a type and/or recognizer.</summary>
public sealed record BulkDecisionRequest(string Decision, string? Type, string? Recognizer);
