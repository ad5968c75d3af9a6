namespace ScoreScope.Training;

/// <summary>How a <see cref="TimeSampling"/> draws the per-sample diffusion times of a training batch.</summary>
public enum TimeSamplingKind
{
    /// <summary>t ~ U[t_min, t_max] (Song et al. 2021, Eq. 7).</summary>
    Uniform,

    /// <summary>ln t ~ U[ln t_min, ln t_max] (more weight near t = 0).</summary>
    LogUniform,

    /// <summary>t = i·t_max/N with i uniform on {1, …, N}: DDPM's discrete indices (Ho et al. 2020, Algorithm 1).</summary>
    DdpmIndices,
}
