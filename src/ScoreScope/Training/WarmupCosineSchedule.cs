namespace ScoreScope.Training;

/// <summary>
/// Learning rate with linear warm-up and cosine decay (Loshchilov &amp; Hutter 2017, SGDR without restarts): η_k =
/// η·(k+1)/W for k &lt; W, then η·(f + (1 − f)·½(1 + cos(π·(k − W)/(K − W)))) down to f·η at the last step.
/// A pure function of the step, so it needs no state in checkpoints.
/// </summary>
/// <param name="PeakLearningRate">η.</param>
/// <param name="WarmupSteps">W.</param>
/// <param name="TotalSteps">K.</param>
/// <param name="FinalFraction">f, the final learning rate as a fraction of η.</param>
public sealed record WarmupCosineSchedule(double PeakLearningRate, int WarmupSteps, int TotalSteps, double FinalFraction)
{
    /// <summary>The learning rate for the 0-based step k.</summary>
    public double At(int step)
    {
        if (step < WarmupSteps) return PeakLearningRate * (step + 1) / WarmupSteps;
        double span = Math.Max(1, TotalSteps - 1 - WarmupSteps);
        double progress = Math.Clamp((step - WarmupSteps) / span, 0.0, 1.0);
        return PeakLearningRate * (FinalFraction + (1 - FinalFraction) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}
