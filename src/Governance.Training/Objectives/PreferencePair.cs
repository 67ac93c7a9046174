namespace Governance.Training.Objectives;

/// <summary>A DPO example: one prompt with a preferred and a dispreferred completion, as token ids.</summary>
public sealed record PreferencePair(long[] Prompt, long[] Chosen, long[] Rejected)
{
    /// <summary>The prompt followed by the chosen completion, only the completion labelled.</summary>
    public TokenExample ChosenExample => TokenExample.FromCompletion(Prompt, Chosen);

    /// <summary>The prompt followed by the rejected completion, only the completion labelled.</summary>
    public TokenExample RejectedExample => TokenExample.FromCompletion(Prompt, Rejected);
}
