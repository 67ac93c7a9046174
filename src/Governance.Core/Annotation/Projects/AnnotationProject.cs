namespace Governance.Core.Annotation.Projects;

/// <summary>
/// Annotation work over one dataset version: the questions asked of every record, the guidelines shown beside every
/// task, and how the records are distributed (overlap, named annotators or the pool, gold records, deadline).
/// </summary>
public sealed class AnnotationProject
{
    /// <summary>The project's identity.</summary>
    public Guid Id { get; init; }

    /// <summary>A short name, unique in the portal.</summary>
    public required string Name { get; init; }

    /// <summary>The dataset version whose records are annotated.</summary>
    public Guid DatasetVersionId { get; init; }

    /// <summary>Guidelines in Markdown, shown sanitised beside every task.</summary>
    public required string Guidelines { get; set; }

    /// <summary>The questions, as JSON (see <see cref="ProjectDefinition"/>).</summary>
    public required string QuestionsJson { get; init; }

    /// <summary>How many annotators answer each record.</summary>
    public int Overlap { get; init; }

    /// <summary>User names of the annotators the work is assigned to, as a JSON list; empty means every active Annotator (the pool).</summary>
    public required string AnnotatorsJson { get; set; }

    /// <summary>User names a Manager deactivated in this project, as a JSON list: they get no new tasks.</summary>
    public string DeactivatedJson { get; set; } = "[]";

    /// <summary>The share of an annotator's tasks that are gold records with known answers, 0 to 0.5.</summary>
    public double GoldRate { get; init; }

    /// <summary>When the work is due; after it, no new tasks are handed out.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Records in the version.</summary>
    public long RecordCount { get; init; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedUtc { get; init; }
}
