using ScoreScope.Data.MixedCumulant;
using ScoreScope.Numerics;

namespace ScoreScope.SimplicityBias;

/// <summary>
/// The single-neuron excess loss of the tied ε-predictor ε̂(x) = s·x + w·g(c·w·x) on the unit sphere and its
/// Hermite expansion: E‖ε̂ − z‖² = E‖s·x − z‖² + E Φ_s(h), h = w·x = α(w·a) + δξ, with
/// Φ_s(h) = g(ch)² + 2s·h·g(ch) − 2δc·g′(ch) (Gaussian integration by parts), and
/// E Φ_s(h) = Σₖ (αᵏ φₖ / k!)·E Heₖ(w·a), φₖ = E[Φ_s(G) Heₖ(G)].
/// </summary>
/// <remarks>
/// Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901 (the "diffusion information exponent"); the identity and the
/// table of coefficients are derived in docs/science/simplicity-bias.md §2b/§3 (they are not quotes of the
/// paper). The Mehler property E_ξ Heₖ(αy + δξ) = αᵏHeₖ(y) also gives E Heₖ(m·y + √(1−m²)G) = mᵏ E Heₖ(y), so along a
/// spike the excess loss is the power series Σₖ Cₖ mᵏ in the overlap m with Cₖ = (αᵏφₖ/k!)·E Heₖ(y).
/// Expectations over G use a <see cref="CompositeGaussianRule"/> (4800 nodes on [−12, 12]): a Gauss–Hermite rule of
/// 160 nodes misses the narrow bump g′(ch) of the scaled tanh 0.1·tanh(10u) (its k = 2 term came out 0.062 instead of the
/// note's Monte Carlo 0.0733).
/// </remarks>
public sealed class ExcessLossExpansion
{
    readonly CompositeGaussianRule _rule;

    /// <summary>The expansion for activation g at noising <paramref name="noise"/> and skip s.</summary>
    public ExcessLossExpansion(Activation activation, FixedTimeNoise noise, double skip, int panels = CompositeGaussianRule.DefaultPanels)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (!double.IsFinite(skip)) throw new ArgumentOutOfRangeException(nameof(skip), skip, "the skip s must be finite.");
        Activation = activation;
        Noise = noise;
        Skip = skip;
        _rule = new CompositeGaussianRule(panels);
    }

    /// <summary>g.</summary>
    public Activation Activation { get; }

    /// <summary>The fixed-time noising (α, δ, c).</summary>
    public FixedTimeNoise Noise { get; }

    /// <summary>The skip s.</summary>
    public double Skip { get; }

    /// <summary>Φ_s(h) = g(ch)² + 2s·h·g(ch) − 2δc·g′(ch).</summary>
    public double Phi(double h)
    {
        double c = Noise.Scale, g = Activation.Value(c * h);
        return g * g + 2 * Skip * h * g - 2 * Noise.Delta * c * Activation.Derivative(c * h);
    }

    /// <summary>φₖ = E[Φ_s(G) Heₖ(G)], k = 0 … K.</summary>
    public double[] HermiteCoefficients(int maxOrder)
    {
        if (maxOrder < 0) throw new ArgumentOutOfRangeException(nameof(maxOrder), maxOrder, "the order must be ≥ 0.");
        var phi = new double[maxOrder + 1];
        Span<double> he = stackalloc double[maxOrder + 1];
        for (int i = 0; i < _rule.Nodes.Length; i++)
        {
            HermitePolynomials.Evaluate(_rule.Nodes[i], he);
            double value = _rule.Weights[i] * Phi(_rule.Nodes[i]);
            for (int k = 0; k <= maxOrder; k++) phi[k] += value * he[k];
        }
        return phi;
    }

    /// <summary>The terms αᵏφₖ/k! of the expansion, k = 0 … K (docs/science/simplicity-bias.md, table of the excess-loss expansion).</summary>
    public double[] ExpansionTerms(int maxOrder)
    {
        var phi = HermiteCoefficients(maxOrder);
        double factor = 1;
        for (int k = 0; k <= maxOrder; k++)
        {
            if (k > 0) factor *= Noise.Alpha / k;
            phi[k] *= factor;
        }
        return phi;
    }

    /// <summary>
    /// The population excess loss E Φ_s(h) at overlap m ∈ [−1, 1] of the unit vector w with a spike whose projection
    /// y has the law described by <paramref name="spikeExpectation"/> (f ↦ E f(y)), the rest of w·a standard Gaussian
    /// and independent: E_y E_G Φ_s(α m y + √(1 − α²m²) G).
    /// </summary>
    public double PopulationExcessLoss(double overlap, Func<Func<double, double>, double> spikeExpectation)
    {
        ArgumentNullException.ThrowIfNull(spikeExpectation);
        if (!(Math.Abs(overlap) <= 1)) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "the overlap must be in [−1, 1].");
        double alpha = Noise.Alpha, spread = Math.Sqrt(1 - alpha * alpha * overlap * overlap);
        return spikeExpectation(y => _rule.Expectation(g => Phi(alpha * overlap * y + spread * g)));
    }

    /// <summary>The population excess loss along a spike carrying the standardised latent ν scaled by σ: y = σ·ν.</summary>
    public double PopulationExcessLoss(double overlap, LatentLaw latent, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(latent);
        return PopulationExcessLoss(overlap, f => latent.Expectation(v => f(scale * v)));
    }

    /// <summary>
    /// The information exponent of a spike: the smallest k ≥ 1 with Cₖ = (αᵏφₖ/k!)·E Heₖ(y) ≠ 0 (|Cₖ| above
    /// <paramref name="tolerance"/>), from the spike's exact statistics (orders 1 … 4).
    /// </summary>
    public InformationExponent InformationExponentOf(SpikeStatistics spike, double tolerance = 1e-10)
    {
        var terms = ExpansionTerms(4);
        var hermite = spike.HermiteMoments();
        var c = new double[5];
        for (int k = 1; k <= 4; k++) c[k] = terms[k] * hermite[k];
        for (int k = 1; k <= 4; k++)
            if (Math.Abs(c[k]) > tolerance) return new InformationExponent(k, c[k], c);
        return new InformationExponent(0, 0, c);
    }
}
