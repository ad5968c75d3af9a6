using System.Globalization;

namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// Scalar φ⁴ lattice field theory in 2-D: HMC as the generator of record, a U-Net diffusion model (circular padding)
/// trained on its configurations under VE g(t) = σ^t (and, for comparison, a VP model with linear β, the same U-Net and
/// budget), and the same observables measured on every ensemble (Aarts, Habibi, Wang,
/// Zhou 2024, arXiv 2410.21212, §4; Wang, Aarts, Zhou 2023, arXiv 2309.17082; docs/science/cumulants.md §6; issue 14).
/// The paper's published notebook computed its "diffusion" row from the HMC data; here each row comes from its own samples.
/// </summary>
public sealed class Phi4Experiment : Experiment<Phi4Settings>
{
    /// <inheritdoc />
    public override string Name => "phi4";

    /// <inheritdoc />
    public override string Summary =>
        "φ⁴ on a 2-D lattice: HMC vs U-Net diffusion models (VE g = σ^t, the paper's, and VP for comparison; Euler–Maruyama and Heun) at a broken and a symmetric point — " +
        "site cumulants κ2…κ8, ⟨|M|⟩, χ, U with Γ-method errors.";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "G. Aarts, D. E. Habibi, L. Wang, K. Zhou 2024: On learning higher-order cumulants in diffusion models (lattice part after Wang, Aarts, Zhou 2023, arXiv 2309.17082)", "2410.21212");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "(a, b) HMC configurations at the broken (paper: L = 32, κ = 0.4, λ = 0.022) and the symmetric point, observables with Γ-method errors",
        "(c) a U-Net with circular padding trained on the min–max-normalised fields (VE g = σ^t; VP with linear β for comparison), samples with Euler–Maruyama and Heun",
        "(d, e) the table HMC vs diffusion from each ensemble's own samples, snapshots and histograms of φ and M",
        "(f) claims: κ2, κ4, ⟨|M|⟩ within 2 % and κ6 within 5 % of HMC at both points (Euler–Maruyama, VE and VP)",
        "(g) exact correction (issue 17): probability-flow proposals of the VE model with exact densities, Metropolis–Hastings and importance weights towards e^(−S); ⟨|M|⟩, χ, U within 4 combined SE of HMC",
    ];

    /// <inheritdoc />
    public override Phi4Settings Full { get; } = new();

    /// <inheritdoc />
    public override Phi4Settings Quick { get; } = Phi4Settings.QuickVersion(new Phi4Settings());

    /// <inheritdoc />
    protected override void ValidateOwn(Phi4Settings parameters)
    {
        ParameterChecks.AtLeast("size", parameters.Size, 4);
        if (parameters.Size % 2 != 0)
            throw new ExperimentParameterException("size", parameters.Size.ToString(CultureInfo.InvariantCulture), "an even L ≥ 4 (the U-Net halves the lattice once)");
        ParameterChecks.Positive("broken-kappa", parameters.BrokenKappa);
        ParameterChecks.Positive("symmetric-kappa", parameters.SymmetricKappa);
        ParameterChecks.Positive("lambda", parameters.Lambda);
        ParameterChecks.AtLeast("chains", parameters.Chains, 2);
        ParameterChecks.AtLeast("configurations-per-chain", parameters.ConfigurationsPerChain, 2);
        ParameterChecks.AtLeast("thermalisation", parameters.Thermalisation, 0);
        ParameterChecks.AtLeast("thinning", parameters.Thinning, 1);
        ParameterChecks.AtLeast("md-steps", parameters.MdSteps, 1);
        ParameterChecks.Positive("dt", parameters.Dt);
        ParameterChecks.InLeftOpen("train-fraction", parameters.TrainFraction, 0, 1);
        if (!(parameters.TrainFraction < 1))
            throw new ExperimentParameterException("train-fraction", parameters.TrainFraction.ToString(CultureInfo.InvariantCulture), "a fraction in (0, 1) (some chains must be held out)");
        if (!(parameters.Sigma > 1))
            throw new ExperimentParameterException("sigma", parameters.Sigma.ToString(CultureInfo.InvariantCulture), "σ > 1 (g(t) = σ^t)");
        if (!(parameters.VpBetaMin >= 0) || !double.IsFinite(parameters.VpBetaMin))
            throw new ExperimentParameterException("vp-beta-min", parameters.VpBetaMin.ToString(CultureInfo.InvariantCulture), "a finite β_min ≥ 0");
        if (!(parameters.VpBetaMax > parameters.VpBetaMin) || !double.IsFinite(parameters.VpBetaMax))
            throw new ExperimentParameterException("vp-beta-max", parameters.VpBetaMax.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"a finite β_max > vp-beta-min = {parameters.VpBetaMin}"));
        ParameterChecks.AtLeast("base-channels", parameters.BaseChannels, 1);
        ParameterChecks.AtLeast("training-steps", parameters.TrainingSteps, 1);
        ParameterChecks.AtLeast("train-batch-size", parameters.TrainBatchSize, 1);
        ParameterChecks.Positive("learning-rate", parameters.LearningRate);
        ParameterChecks.AtLeast("euler-maruyama-steps", parameters.EulerMaruyamaSteps, 1);
        ParameterChecks.AtLeast("heun-steps", parameters.HeunSteps, 1);
        ParameterChecks.AtLeast("generated-samples", parameters.GeneratedSamples, 2);
        ParameterChecks.AtLeast("vp-generated-samples", parameters.VpGeneratedSamples, 2);
        ParameterChecks.AtLeast("sampling-batch-size", parameters.SamplingBatchSize, 1);
        ParameterChecks.Positive("tolerance", parameters.Tolerance);
        ParameterChecks.Positive("sixth-cumulant-tolerance", parameters.SixthCumulantTolerance);
        ParameterChecks.AtLeast("correction-proposals", parameters.CorrectionProposals, 2);
        ParameterChecks.Positive("correction-tolerance", parameters.CorrectionTolerance);
        ParameterChecks.InLeftOpen("correction-minimum-time", parameters.CorrectionMinimumTime, 0, 1);
        ParameterChecks.AtLeast("correction-batch-size", parameters.CorrectionBatchSize, 1);
        ParameterChecks.AtLeast("correction-tolerance-check-proposals", parameters.CorrectionToleranceCheckProposals, 0);
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(Phi4Settings parameters, ExperimentContext context)
    {
        var points = new List<Phi4PointResult>
        {
            Phi4PointRun.Run(context.Folder, parameters, "broken", parameters.BrokenKappa, orderedStart: true, context.Progress, context.CancellationToken),
            Phi4PointRun.Run(context.Folder, parameters, "symmetric", parameters.SymmetricKappa, orderedStart: false, context.Progress, context.CancellationToken),
        };
        var claims = new ClaimReport();
        var notes = Phi4Comparison.AddClaims(claims, points, parameters);
        var table = Phi4Comparison.ToTable(points);
        var models = Phi4Model.For(parameters);
        var correction = parameters.Correction
            ? Phi4CorrectionStage.Run(context.Folder, parameters, points, claims, notes, context.Progress, context.CancellationToken)
            : null;
        claims.Write(context.Folder);
        var resolved = new Dictionary<string, string>
        {
            ["lattice"] = string.Create(CultureInfo.InvariantCulture, $"{parameters.Size}×{parameters.Size} periodic, D = 2"),
            ["action"] = "S = Σ[−2κΣ_μ φ(x)φ(x+μ̂) + (1 − 2λ)φ² + λφ⁴] (hopping form)",
            ["hmc"] = string.Create(CultureInfo.InvariantCulture, $"leapfrog {parameters.MdSteps} × {parameters.Dt}; broken point: ordered start φ = ±1 alternating between chains; symmetric point: N(0, 1) start"),
            ["split"] = "the first ⌊train-fraction · chains⌋ chains train, the remaining chains are the held-out set",
            ["normalisation"] = "min–max to [−1, 1] per point (normalisation-<point>.txt); observables in physical units",
            ["process"] = models[0].Description,
            ["vp-process"] = models.Count > 1
                ? models[1].Description + "; the same U-Net, training budget, seed scheme, normalisation and samplers as VE"
                : "off (vp-model = false)",
            ["network"] = "U-Net, channel multipliers [1, 2], circular padding, EDM parametrisation",
            ["samplers"] = "Euler–Maruyama on a uniform grid 1 → 0 (the paper's); Heun (probability flow) on the EDM grid to t_min = 1e-3 with a final Tweedie step",
        };
        string[] figures = [.. new[] { "broken", "symmetric" }.SelectMany(p => new[]
        {
            $"snapshots-hmc-{p}.png", $"histogram-phi-{p}.png", $"histogram-m-{p}.png", $"two-point-{p}.png",
        }.Concat(models.SelectMany(m => new[]
        {
            $"snapshots-{m.Name("em", p)}.png", $"snapshots-{m.Name("heun", p)}.png", $"{m.Name("backward-cumulants", p)}.png",
        })))];
        resolved["correction"] = !parameters.Correction ? "off (correction=false; the quick preset's default: hours on two cores)" : string.Create(CultureInfo.InvariantCulture,
            $"{parameters.CorrectionProposals} probability-flow proposals per point, RK45 rtol = atol = {parameters.CorrectionTolerance}, t_min = {parameters.CorrectionMinimumTime}, exact divergence; independence Metropolis–Hastings and importance weights towards e^(−S) (normalisation Jacobian included)");
        return new ExperimentOutcome(claims, correction is null ? [table] : [table, correction], notes, resolved, figures);
    }
}
