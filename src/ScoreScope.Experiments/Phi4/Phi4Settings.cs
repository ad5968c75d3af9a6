namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// The fully resolved options of <c>scorescope reproduce phi4</c> (the <c>"options"</c> of its config.json): 2-D lattice
/// φ⁴ in the hopping form S = Σ[−2κΣ_μφ(x)φ(x+μ̂) + (1 − 2λ)φ² + λφ⁴] at a broken point (the paper's κ = 0.4,
/// λ = 0.022, L = 32; Aarts, Habibi, Wang, Zhou, arXiv 2410.21212; Wang, Aarts, Zhou, arXiv 2309.17082) and a symmetric
/// point; HMC configurations, U-Net score models (circular padding) trained on them under VE g(t) = σ^t (the paper's)
/// and, for comparison, VP with linear β, and the generated fields measured with the same observable code.
/// </summary>
public sealed record Phi4Settings : ExperimentParameters
{
    /// <summary>The paper-scale parameters with the default seed.</summary>
    public Phi4Settings() => Seed = DefaultSeed;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 20241029;

    /// <summary>L, sites per direction (D = 2).</summary>
    public int Size { get; init; } = 32;

    /// <summary>κ of the broken-phase point (the paper's 0.4).</summary>
    public double BrokenKappa { get; init; } = 0.4;

    /// <summary>κ of the symmetric-phase point.</summary>
    public double SymmetricKappa { get; init; } = 0.2;

    /// <summary>λ at both points (the paper's 0.022).</summary>
    public double Lambda { get; init; } = 0.022;

    /// <summary>HMC chains (the broken point starts them ordered, alternating φ = ±1 between chains; the symmetric point from N(0, 1)).</summary>
    public int Chains { get; init; } = 64;

    /// <summary>Configurations kept per chain (64 × 160 = 10 240, the paper's count).</summary>
    public int ConfigurationsPerChain { get; init; } = 160;

    /// <summary>HMC trajectories discarded per chain.</summary>
    public int Thermalisation { get; init; } = 200;

    /// <summary>HMC trajectories between kept configurations.</summary>
    public int Thinning { get; init; } = 10;

    /// <summary>Leapfrog steps per trajectory.</summary>
    public int MdSteps { get; init; } = 10;

    /// <summary>Leapfrog step size.</summary>
    public double Dt { get; init; } = 0.1;

    /// <summary>Fraction of the chains whose configurations train the model (the rest is the held-out set; the paper: 8192/1024).</summary>
    public double TrainFraction { get; init; } = 0.8;

    /// <summary>σ of the VE process with g(t) = σ^t (the DMasSQ code: 25).</summary>
    public double Sigma { get; init; } = 25;

    /// <summary>
    /// Whether a VP model is trained beside the VE one, for comparison (issue 14): same U-Net, training budget, seed
    /// scheme, normalisation and samplers, its rows measured with the same observable code.
    /// </summary>
    public bool VpModel { get; init; } = true;

    /// <summary>
    /// β_min of the comparison model's VP process with linear β(t) = β_min + t(β_max − β_min) (Song et al. 2021, Eq. 11;
    /// their choice for data in [−1, 1], as the min–max-normalised fields are).
    /// </summary>
    public double VpBetaMin { get; init; } = 0.1;

    /// <summary>
    /// β_max of the comparison model's VP process: with β_min = 0.1 and β_max = 20, a(1) = e^{−(β_min + β_max)/4} ≈ 0.0066,
    /// so at t = 1 the data's share of a [−1, 1] field is below 1 % of the N(0, 1) prior's spread.
    /// </summary>
    public double VpBetaMax { get; init; } = 20;

    /// <summary>U-Net channels at the finest resolution.</summary>
    public int BaseChannels { get; init; } = 32;

    /// <summary>Training steps per point.</summary>
    [ParameterAlias("train-steps")]
    public int TrainingSteps { get; init; } = 20_000;

    /// <summary>Training batch size.</summary>
    public int TrainBatchSize { get; init; } = 64;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Euler–Maruyama steps (uniform grid from t = 1 to 0, as the paper).</summary>
    public int EulerMaruyamaSteps { get; init; } = 1000;

    /// <summary>Heun steps of the probability-flow ODE (EDM grid to t_min = 10⁻³, final Tweedie step).</summary>
    public int HeunSteps { get; init; } = 200;

    /// <summary>Generated fields per sampler and point (the paper: 10 240).</summary>
    public int GeneratedSamples { get; init; } = 10_240;

    /// <summary>
    /// Generated fields per sampler and point of the VP comparison model (full: as <see cref="GeneratedSamples"/>; the
    /// quick preset halves them to keep <c>--quick</c> at a few minutes: the same training budget, √2 larger errors).
    /// </summary>
    public int VpGeneratedSamples { get; init; } = 10_240;

    /// <summary>Samples integrated together.</summary>
    public int SamplingBatchSize { get; init; } = 1024;

    /// <summary>
    /// Whether stage (g), the exact correction of the VE model's samples (issue 17), runs. On in the full preset; off in
    /// the quick one, because its cost is hours on two CPU cores (each L = 8 proposal is one adaptive probability-flow
    /// solve with the exact divergence: 10–50 s at load, 32–92 evaluations); <c>--set correction=true</c> adds it, and
    /// <c>scorescope correct --target phi4:…</c> runs it on a finished run's models.
    /// </summary>
    public bool Correction { get; init; } = true;

    /// <summary>Probability-flow proposals per point of the exact-correction stage (issue 17).</summary>
    public int CorrectionProposals { get; init; } = 4096;

    /// <summary>rtol = atol of the Dormand–Prince solve of the proposals and their log-density.</summary>
    public double CorrectionTolerance { get; init; } = 1e-4;

    /// <summary>t_min of the proposals (the flow ends there; no Tweedie step, which would not be invertible).</summary>
    public double CorrectionMinimumTime { get; init; } = 1e-3;

    /// <summary>Proposals solved together (their exact divergences are B·V rows of replicated batches).</summary>
    public int CorrectionBatchSize { get; init; } = 64;

    /// <summary>Proposals re-solved at a ten times tighter tolerance to measure the solver's error in log q.</summary>
    public int CorrectionToleranceCheckProposals { get; init; } = 32;

    /// <summary>Relative tolerance of the κ2, κ4 and ⟨|M|⟩ claims (the issue: 2 %).</summary>
    public double Tolerance { get; init; } = 0.02;

    /// <summary>Relative tolerance of the κ6 claim (the issue: 5 %).</summary>
    public double SixthCumulantTolerance { get; init; } = 0.05;

    /// <summary>The minute-scale version of <paramref name="full"/>: L = 8, 1024 configurations, short training, 512 VP samples.</summary>
    public static Phi4Settings QuickVersion(Phi4Settings full) => full with
    {
        Quick = true,
        Size = 8,
        Chains = 16,
        ConfigurationsPerChain = 64,
        Thermalisation = 100,
        Thinning = 5,
        BaseChannels = 16,
        TrainingSteps = 1500,
        TrainBatchSize = 64,
        LearningRate = 2e-3,
        EulerMaruyamaSteps = 200,
        HeunSteps = 50,
        GeneratedSamples = 1024,
        VpGeneratedSamples = 512,
        Correction = false,
        CorrectionProposals = 256,
        CorrectionTolerance = 1e-3,
        CorrectionToleranceCheckProposals = 4,
    };
}
