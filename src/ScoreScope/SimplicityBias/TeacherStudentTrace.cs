namespace ScoreScope.SimplicityBias;

/// <summary>
/// The order parameters of one teacher–student replica at the logged steps: the largest normalised overlap with each
/// spike (index = <see cref="Data.MixedCumulant.MixedCumulantSpike"/>), the skip s and the test losses on the data, its
/// Gaussian clone and its mean clone (NaN when no test sets were used), plus the escape step.
/// </summary>
/// <param name="Steps">The logged steps (ascending; a replica stopped at escape logs up to its last step).</param>
/// <param name="Overlaps">Overlaps[spike][j] at Steps[j].</param>
/// <param name="Skip">s at Steps[j].</param>
/// <param name="DataLoss">Test loss on the data at Steps[j].</param>
/// <param name="GaussianCloneLoss">Test loss on the Gaussian clone at Steps[j].</param>
/// <param name="MeanCloneLoss">Test loss on the mean clone at Steps[j].</param>
/// <param name="EscapeStep">The first step with overlap ≥ the threshold, or null if never reached.</param>
public sealed record TeacherStudentTrace(long[] Steps, double[][] Overlaps, double[] Skip, double[] DataLoss,
    double[] GaussianCloneLoss, double[] MeanCloneLoss, long? EscapeStep);
