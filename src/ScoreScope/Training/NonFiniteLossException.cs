namespace ScoreScope.Training;

/// <summary>
/// Thrown when a training loss (or, with clipping on, the gradient norm) is NaN or infinite; the weights are left as after
/// the previous step and the last checkpoint on disk is untouched.
/// </summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteLossException(int step, double loss, string? lastCheckpointPath, int? lastCheckpointStep, string quantity = "loss")
        : base(Describe(step, loss, lastCheckpointPath, lastCheckpointStep, quantity))
    {
        Quantity = quantity;
        Step = step;
        Loss = loss;
        LastCheckpointPath = lastCheckpointPath;
        LastCheckpointStep = lastCheckpointStep;
    }

    /// <summary>The 1-based step whose loss was not finite.</summary>
    public int Step { get; }

    /// <summary>What became non-finite: "loss" or "gradient norm".</summary>
    public string Quantity { get; }

    /// <summary>The offending value.</summary>
    public double Loss { get; }

    /// <summary>The last good checkpoint, if one was written.</summary>
    public string? LastCheckpointPath { get; }

    /// <summary>The step of the last good checkpoint, if one was written.</summary>
    public int? LastCheckpointStep { get; }

    static string Describe(int step, double loss, string? path, int? checkpointStep, string quantity) =>
        path is null
            ? $"Training {quantity} became {loss} at step {step}; no checkpoint was written."
            : $"Training {quantity} became {loss} at step {step}; the last good checkpoint (step {checkpointStep}) is {path}.";
}
