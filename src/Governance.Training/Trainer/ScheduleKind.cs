namespace Governance.Training.Trainer;

/// <summary>How the learning rate moves after warm-up.</summary>
public enum ScheduleKind
{
    /// <summary>Stays at the peak rate.</summary>
    Constant,

    /// <summary>Falls linearly to zero at the last step.</summary>
    Linear,

    /// <summary>Falls along half a cosine to zero at the last step.</summary>
    Cosine,
}
