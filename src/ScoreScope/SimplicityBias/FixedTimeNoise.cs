namespace ScoreScope.SimplicityBias;

/// <summary>
/// Ornstein–Uhlenbeck (VP) noising at one fixed time t &gt; 0: x = α·a + δ·z with α = e^{−t}, δ = √(1 − e^{−2t}),
/// and the tied network's pre-activation scale c = α/δ.
/// </summary>
/// <remarks>
/// Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901; DiffusionEasy2Hard <c>data.py</c> (<c>make_noised</c>).
/// Reference values: t = 0.3 gives α = 0.7408, δ = 0.6717, c = 1.1029; t = 0.1 gives α = 0.9048, δ = 0.4258, c = 2.1252.
/// </remarks>
public readonly record struct FixedTimeNoise
{
    /// <summary>The noising at time <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless t is finite and &gt; 0.</exception>
    public FixedTimeNoise(double time)
    {
        if (!(time > 0) || double.IsInfinity(time))
            throw new ArgumentOutOfRangeException(nameof(time), time, "the noising time t must be finite and > 0.");
        Time = time;
        Alpha = Math.Exp(-time);
        Delta = Math.Sqrt(-Numerics.ExponentialMinusOne.Evaluate(-2 * time));
    }

    /// <summary>t.</summary>
    public double Time { get; }

    /// <summary>α = e^{−t}.</summary>
    public double Alpha { get; }

    /// <summary>δ = √(1 − e^{−2t}).</summary>
    public double Delta { get; }

    /// <summary>c = α/δ.</summary>
    public double Scale => Alpha / Delta;
}
