namespace ScoreScope.Training;

/// <summary>
/// A loss weighting λ(t) as a function of the time and the marginal coefficients a = a(t), b = b(t) (Song et al. 2021,
/// Eq. 7: λ(t) ∝ 1/E‖∇log p(x_t|x₀)‖² = b² is the usual choice).
/// </summary>
public sealed class LossWeighting
{
    readonly Func<double, double, double, double> _weight;

    LossWeighting(LossWeightingKind kind, string name, Func<double, double, double, double> weight)
    {
        Kind = kind;
        Name = name;
        _weight = weight;
    }

    /// <summary>λ = b² (the ε-loss of Ho et al. 2020 in score space).</summary>
    public static LossWeighting NoiseVariance { get; } = new(LossWeightingKind.NoiseVariance, "b^2", (_, _, b) => b * b);

    /// <summary>λ = 1.</summary>
    public static LossWeighting Unit { get; } = new(LossWeightingKind.Unit, "1", (_, _, _) => 1.0);

    /// <summary>
    /// λ = a²/b², the signal-to-noise ratio (Kingma et al. 2021). As the weight w of the x̂₀ loss
    /// (<see cref="DenoiserLoss"/>) it is the conditional-expectation weight λ(t) = 1/(e^t − 1) of Lu, Wang, Bal 2023
    /// (arXiv 2301.07882) for the OU process, and makes the x̂₀ loss equal to the ε-loss pointwise in t.
    /// </summary>
    public static LossWeighting SignalToNoise { get; } = new(LossWeightingKind.SignalToNoise, "a^2/b^2", (_, a, b) => a * a / (b * b));

    /// <summary>A custom λ(t, a, b); <paramref name="name"/> is recorded in logs and configs.</summary>
    public static LossWeighting Custom(string name, Func<double, double, double, double> weight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(weight);
        return new(LossWeightingKind.Custom, name, weight);
    }

    /// <summary>The named weighting of the given kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="LossWeightingKind.Custom"/>, which needs a delegate.</exception>
    public static LossWeighting FromKind(LossWeightingKind kind) => kind switch
    {
        LossWeightingKind.NoiseVariance => NoiseVariance,
        LossWeightingKind.Unit => Unit,
        LossWeightingKind.SignalToNoise => SignalToNoise,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom weighting needs a delegate: use LossWeighting.Custom."),
    };

    /// <summary>Which weighting this is.</summary>
    public LossWeightingKind Kind { get; }

    /// <summary>A short name, e.g. "b^2".</summary>
    public string Name { get; }

    /// <summary>λ(t) given a = a(t), b = b(t).</summary>
    public double Weight(double t, double a, double b) => _weight(t, a, b);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
