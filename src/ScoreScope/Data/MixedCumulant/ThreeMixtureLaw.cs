namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The sparse three-point law ν = ±√(1/(2a)) with probability a each and 0 with probability 1 − 2a, 0 &lt; a ≤ ½:
/// unit variance, κ₃ = 0, κ₄ = 1/(2a) − 3 (positive for a &lt; 1/6; 47 at the code's a = 0.01).
/// </summary>
/// <remarks>DiffusionEasy2Hard <c>data.py</c>, <c>three_mixture(a)</c>. E|ν| = √(2a).</remarks>
public sealed class ThreeMixtureLaw : LatentLaw
{
    /// <summary>The law with weight <paramref name="a"/> on each of ±√(1/(2a)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt; a ≤ ½.</exception>
    public ThreeMixtureLaw(double a)
    {
        if (!(a > 0 && a <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(a), a, "the three-mixture weight a must be in (0, 1/2] (2a is the probability of a non-zero value).");
        A = a;
        Atom = Math.Sqrt(1 / (2 * a));
    }

    /// <summary>The weight a of each non-zero atom.</summary>
    public double A { get; }

    /// <summary>The non-zero atom √(1/(2a)).</summary>
    public double Atom { get; }

    /// <inheritdoc/>
    public override string Name => FormattableString.Invariant($"three-mixture(a={A})");

    /// <inheritdoc/>
    public override double Kappa3 => 0;

    /// <inheritdoc/>
    public override double Kappa4 => 1 / (2 * A) - 3;

    /// <inheritdoc/>
    public override double MeanAbsoluteValue => Math.Sqrt(2 * A);

    /// <inheritdoc/>
    public override double Sample(Random random)
    {
        double u = random.NextDouble();
        return u < A ? -Atom : u < 2 * A ? Atom : 0.0;
    }

    /// <inheritdoc/>
    public override double Expectation(Func<double, double> f) => A * f(-Atom) + A * f(Atom) + (1 - 2 * A) * f(0);
}
