using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The exactly solvable "double peak" toy model of Aarts et al. 2024 (arXiv 2410.21212, §3): each of d independent
/// coordinates follows ½[N(μ, σ₀²) + N(−μ, σ₀²)] (defaults μ = 1, σ₀ = 0.25, d = 1). Its cumulant-generating
/// function is ½σ₀²J² + ln cosh(μJ), so odd cumulants vanish and κ₂ = σ₀² + μ², κ₄ = −2μ⁴, κ₆ = 16μ⁶,
/// κ₈ = −272μ⁸. Under x_t = a·x₀ + b·z each coordinate is ½[N(aμ, s²) + N(−aμ, s²)] with s² = a²σ₀² + b², and the
/// score is (−x + aμ tanh(aμx/s²))/s² (the tanh closed form of the paper's VE and VP scores).
/// </summary>
public sealed class DoublePeakDistribution : ExactDistribution
{
    /// <summary>Creates the model; requires μ ≥ 0, σ₀ &gt; 0 and d ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For invalid parameters.</exception>
    public DoublePeakDistribution(double mu = 1.0, double sigma0 = 0.25, long dimension = 1)
    {
        if (!double.IsFinite(mu) || mu < 0) throw new ArgumentOutOfRangeException(nameof(mu), mu, "μ must be finite and ≥ 0.");
        if (!double.IsFinite(sigma0) || sigma0 <= 0) throw new ArgumentOutOfRangeException(nameof(sigma0), sigma0, "σ₀ must be finite and > 0.");
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be ≥ 1.");
        PeakPosition = mu;
        PeakWidth = sigma0;
        Dimension = dimension;
    }

    /// <summary>The peak position μ.</summary>
    public double PeakPosition { get; }

    /// <summary>The peak standard deviation σ₀.</summary>
    public double PeakWidth { get; }

    /// <summary>The number d of independent coordinates.</summary>
    public long Dimension { get; }

    /// <inheritdoc/>
    public override long[] EventShape => [Dimension];

    /// <summary>
    /// The exact cumulant κ_n of one coordinate at t = 0, from the Taylor coefficients of ln cosh
    /// (κ₁ = 0, κ₂ = σ₀² + μ², κ₄ = −2μ⁴, κ₆ = 16μ⁶, κ₈ = −272μ⁸, odd ones 0), for 1 ≤ n ≤ 8.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For n outside 1..8.</exception>
    public double ExactCumulant(int n)
    {
        double mu = PeakPosition;
        return n switch
        {
            1 or 3 or 5 or 7 => 0.0,
            2 => PeakWidth * PeakWidth + mu * mu,
            4 => -2 * Math.Pow(mu, 4),
            6 => 16 * Math.Pow(mu, 6),
            8 => -272 * Math.Pow(mu, 8),
            _ => throw new ArgumentOutOfRangeException(nameof(n), n, "order must be in 1..8."),
        };
    }

    /// <summary>
    /// The exact moment E[x^n] of one coordinate (= central moment; the mean is 0):
    /// Σ_k C(n, 2k) μ^{n−2k} σ₀^{2k} (2k − 1)!! for even n, 0 for odd n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For negative n.</exception>
    public double ExactMoment(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "order must be ≥ 0.");
        if (n % 2 == 1) return 0;
        double sum = 0, doubleFactorial = 1;
        for (int k = 0; 2 * k <= n; k++)
        {
            if (k > 0) doubleFactorial *= 2 * k - 1;
            sum += Analysis.CumulantRelations.Binomial(n, 2 * k) * Math.Pow(PeakPosition, n - 2 * k) * Math.Pow(PeakWidth, 2 * k) * doubleFactorial;
        }
        return sum;
    }

    /// <inheritdoc/>
    public override Tensor? Mean => zeros(Dimension, dtype: ScalarType.Float64);

    /// <inheritdoc/>
    public override Tensor? Covariance => eye(Dimension, dtype: ScalarType.Float64).Multiply(ExactCumulant(2));

    /// <summary>Draws [count, d] samples: a fair sign ±μ per coordinate plus σ₀·N(0, 1), both from <paramref name="generator"/>.</summary>
    public override Tensor Sample(long count, Generator generator)
    {
        using var scope = NewDisposeScope();
        var sign = randint(0, 2, [count, Dimension], dtype: ScalarType.Float64, generator: generator).Multiply(2).Subtract(1);
        var z = randn([count, Dimension], dtype: ScalarType.Float64, generator: generator);
        return (sign.Multiply(PeakPosition).Add(z.Multiply(PeakWidth))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor LogDensity(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var (m, s2) = Marginal(x, a, b);
        var xd = x.to_type(ScalarType.Float64);
        var z = xd.Multiply(m / s2);
        // ln ½[N(m, s²) + N(−m, s²)] = −(x² + m²)/(2s²) + ln cosh(mx/s²) − ½ln(2πs²), ln cosh y = |y| + ln(1 + e^{−2|y|}) − ln 2.
        var logCosh = z.abs().Add((z.abs().Multiply(-2)).exp().log1p()).Subtract(Math.Log(2));
        var perCoordinate = xd.Square().Add(m * m).Multiply(-0.5 / s2).Add(logCosh).Subtract(0.5 * Math.Log(2 * Math.PI * s2));
        return Shapes.SumEvent(perCoordinate).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Score(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var (m, s2) = Marginal(x, a, b);
        var xd = x.to_type(ScalarType.Float64);
        return ((-xd).Add((xd.Multiply(m / s2)).tanh().Multiply(m)).Divide(s2)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"DoublePeak(μ = {PeakPosition}, σ₀ = {PeakWidth}, d = {Dimension})");

    (double PeakMean, double Variance) Marginal(Tensor x, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 2 || Shapes.EventSize(x) != Dimension)
            throw new ArgumentException($"expected a batch [B, {Dimension}]; got {Shapes.Format(x)}.", nameof(x));
        double s2 = a * a * PeakWidth * PeakWidth + b * b;
        if (!(s2 > 0)) throw new ArgumentOutOfRangeException(nameof(b), $"marginal variance a²σ₀² + b² = {s2} must be > 0 (a = {a}, b = {b}).");
        return (a * PeakPosition, s2);
    }
}
