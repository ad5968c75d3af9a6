using System.Globalization;

namespace ScoreScope.Processes;

/// <summary>
/// A constant rate β(t) = β: the Ornstein–Uhlenbeck process dx = −½βx dt + √β dW (with β = 1:
/// a_t = e^{−t/2}, b_t² = 1 − e^{−t}; Lu, Wang, Bal 2023, arXiv 2301.07882, Section 2).
/// </summary>
public sealed class ConstantBetaSchedule : BetaSchedule
{
    /// <summary>Creates the schedule; requires β finite and &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For β ≤ 0 or non-finite β.</exception>
    public ConstantBetaSchedule(double beta = 1.0)
    {
        if (!double.IsFinite(beta) || beta <= 0)
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be finite and > 0.");
        Rate = beta;
    }

    /// <summary>The constant β.</summary>
    public double Rate { get; }

    /// <inheritdoc/>
    public override double Beta(double t) => Rate;

    /// <inheritdoc/>
    public override double Integral(double t) => Rate * t;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"constant(β = {Rate})");
}
