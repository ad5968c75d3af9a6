namespace ScoreScope.Sampling;

/// <summary>Progress of a <see cref="SamplerRunner"/> run, counted in sampler steps over all batches.</summary>
/// <param name="CompletedSteps">Steps completed so far.</param>
/// <param name="TotalSteps">Steps in the whole run (batches × grid steps).</param>
public readonly record struct SamplingProgress(long CompletedSteps, long TotalSteps)
{
    /// <summary>The completed fraction in [0, 1].</summary>
    public double Fraction => TotalSteps == 0 ? 1.0 : (double)CompletedSteps / TotalSteps;
}
