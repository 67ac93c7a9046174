namespace Governance.Data.Annotation;

/// <summary>
/// One record of a project: how many annotators hold it, how many submitted, whether it waits for review and with
/// a disagreement, its final answers once reviewed, and its known answers when it is a gold record.
/// </summary>
public sealed class AnnotationItem
{
    public Guid ProjectId { get; init; }

    /// <summary>0-based position in the project's version.</summary>
    public long Ordinal { get; init; }

    /// <summary>The record's content hash (RecordContents).</summary>
    public required string Hash { get; init; }

    /// <summary>Annotators holding it (assigned, submitted or returned); skipped and released tasks do not count.</summary>
    public int Assigned { get; set; }

    /// <summary>Tasks submitted and not returned.</summary>
    public int Submitted { get; set; }

    /// <summary>True while it needs more annotators: what the next-task query looks for.</summary>
    public bool Open { get; set; }

    /// <summary>Every annotator has submitted and no reviewer has decided yet.</summary>
    public bool ReadyForReview { get; set; }

    /// <summary>The submitted answers differ.</summary>
    public bool Disagreement { get; set; }

    /// <summary>The canonical final answers, once accepted or adjudicated.</summary>
    public string? FinalAnswers { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedUtc { get; set; }

    /// <summary>The known answers of a gold record; gold records are handed out at the gold rate and never reviewed.</summary>
    public string? GoldAnswers { get; set; }
}

/// <summary>The state of one annotator's task.</summary>
public enum TaskState
{
    /// <summary>Handed out, not yet submitted (a draft may be saved).</summary>
    Assigned,

    /// <summary>Answered.</summary>
    Submitted,

    /// <summary>Sent back by a reviewer with a comment; the annotator answers again.</summary>
    Returned,

    /// <summary>Passed over with a reason; the record goes to someone else.</summary>
    Skipped,

    /// <summary>Taken away (the annotator left the project); the record went back to the pool or to another annotator.</summary>
    Released,
}

/// <summary>One annotator's work on one record. <see cref="Revision"/> guards every change (optimistic concurrency).</summary>
public sealed class AnnotationTask
{
    public long Id { get; init; }

    public Guid ProjectId { get; init; }

    public long Ordinal { get; init; }

    /// <summary>The annotator's user name.</summary>
    public required string Annotator { get; init; }

    public TaskState State { get; set; }

    /// <summary>Whether the record is gold for this task (never shown to the annotator).</summary>
    public bool Gold { get; init; }

    /// <summary>For preference questions: "ab" or "ba", the order the two responses were shown in.</summary>
    public string? ShownOrder { get; init; }

    public string? DraftAnswers { get; set; }

    /// <summary>The canonical submitted answers.</summary>
    public string? Answers { get; set; }

    public string? SkipReason { get; set; }

    /// <summary>The reviewer's comment when the task was returned.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>Whether a reviewer ever returned it (the rejection rate counts these).</summary>
    public bool Returned { get; set; }

    /// <summary>Seconds on task the page measured, summed over submits.</summary>
    public double Seconds { get; set; }

    public DateTimeOffset AssignedUtc { get; init; }

    public DateTimeOffset? SubmittedUtc { get; set; }

    /// <summary>Counts every change of state or answer; a change sent with an older revision is refused.</summary>
    public int Revision { get; set; }
}

/// <summary>An append-only history entry: every submit, skip, return, acceptance and adjudication, with who and when.</summary>
public sealed class AnnotationEvent
{
    public long Id { get; init; }

    public Guid ProjectId { get; init; }

    public long Ordinal { get; init; }

    public long? TaskId { get; init; }

    public required string Actor { get; init; }

    /// <summary>submitted, skipped, returned, accepted, adjudicated, released, reassigned, gold.</summary>
    public required string Kind { get; init; }

    public string? Answers { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset AtUtc { get; init; }
}
