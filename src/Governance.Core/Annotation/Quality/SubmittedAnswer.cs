namespace Governance.Core.Annotation.Quality;

/// <summary>One annotator's current submitted answer to one record, as the quality figures read it.</summary>
/// <param name="Ordinal">The record's 0-based position in the project's version.</param>
/// <param name="Annotator">Who answered.</param>
/// <param name="Answers">The canonical answers JSON.</param>
/// <param name="SubmittedUtc">When it was (last) submitted.</param>
/// <param name="Seconds">Time on task reported by the page, capped.</param>
/// <param name="Gold">Whether the record was a gold record for this task.</param>
/// <param name="Returned">Whether a reviewer ever returned it.</param>
public sealed record SubmittedAnswer(long Ordinal, string Annotator, string Answers, DateTimeOffset SubmittedUtc, double Seconds, bool Gold, bool Returned);
