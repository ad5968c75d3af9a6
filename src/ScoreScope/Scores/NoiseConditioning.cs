namespace ScoreScope.Scores;

/// <summary>The scalar per-sample noise condition c fed to the network's time embedding.</summary>
public enum NoiseConditioning
{
    /// <summary>c = ¼ ln σ with σ = b(t)/a(t), EDM's c_noise (Karras et al. 2022, Table 1); process-independent.</summary>
    LogNoiseToSignal,

    /// <summary>c = t/T, the diffusion time scaled to [0, 1] (Song et al. 2021).</summary>
    Time,
}
