namespace Governance.Core.Datasets.Records;

/// <summary>The kinds of training record the product recognises, named after the fields that define them.</summary>
public enum RecordShape
{
    /// <summary><c>prompt</c> and <c>completion</c>: supervised fine-tuning.</summary>
    PromptCompletion,

    /// <summary><c>messages</c>: a list of role/content turns (chat SFT).</summary>
    Messages,

    /// <summary><c>prompt</c>, <c>chosen</c> and <c>rejected</c>: preference data for DPO and reward models.</summary>
    Preference,

    /// <summary><c>text</c> alone: raw text for domain-adaptive pretraining.</summary>
    Text,

    /// <summary><c>text</c> with <c>label</c> or <c>labels</c>: classification.</summary>
    Classification,
}
