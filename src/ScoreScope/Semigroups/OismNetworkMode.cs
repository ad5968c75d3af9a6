namespace ScoreScope.Semigroups;

/// <summary>How a neural score network is combined with the training-free OISM score s̃_t during training.</summary>
/// <remarks>Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2, §4 and the rebuttal's 2-D table (columns "OISM (L)+NN",
/// "NN (pre-trained)", "NN-only"); docs/science/operator-informed.md §3.1 and §4.2.</remarks>
public enum OismNetworkMode
{
    /// <summary>Plain denoising score matching of s_θ = NN_θ ("NN-only").</summary>
    NetworkOnly,

    /// <summary>The residual model s_θ = s̃_t + NN_θ trained by denoising score matching ("OISM (L)+NN").</summary>
    Residual,

    /// <summary>
    /// The warm start: NN_θ regresses s̃_t for the first <see cref="TorusDenoisingOptions.WarmStartSteps"/> iterations,
    /// then s_θ = NN_θ is trained by denoising score matching ("NN (pre-trained)", 1k of 20k iterations in the paper).
    /// </summary>
    WarmStart,
}
