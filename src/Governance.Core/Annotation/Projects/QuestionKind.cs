namespace Governance.Core.Annotation.Projects;

/// <summary>What an annotator is asked to do with a record, and the shape of the answer.</summary>
public enum QuestionKind
{
    /// <summary>Write or correct the response to the record's prompt (SFT data); the answer is the text.</summary>
    Response,

    /// <summary>Pick the better of the record's two responses; the answer is "a" (its <c>chosen</c>) or "b" (its <c>rejected</c>).</summary>
    Preference,

    /// <summary>Rate 1 to 5 on each named criterion; the answer is an object of criterion to number.</summary>
    Rating,

    /// <summary>Choose one label; the answer is the label.</summary>
    SingleLabel,

    /// <summary>Choose any of the labels; the answer is a list of labels.</summary>
    MultiLabel,

    /// <summary>Mark spans of the record's text with labels; the answer is a list of {start, end, label} in UTF-16 offsets.</summary>
    Span,
}
