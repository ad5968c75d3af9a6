using System.Globalization;

namespace ScoreScope.Processes;

/// <summary>
/// The discrete DDPM noise schedule of Ho et al. 2020 (§4: T = 1000, β linear from 10⁻⁴ to 0.02) as the image code of
/// Bardone, Merger &amp; Goldt 2026 (arXiv 2603.12901; DiffusionEasy2Hard <c>models/betas.linear</c>,
/// <c>models/diffusion.py</c>) indexes it: t ∈ {0, …, T − 1}, βₜ = β_start + (β_end − β_start)·t/(T − 1) and
/// ᾱₜ = Πⱼ₌₀ᵗ (1 − βⱼ), so x_t = √ᾱₜ·x₀ + √(1 − ᾱₜ)·ε. Values: ᾱ₁₀₀ = 0.8951, ᾱ₅₀₀ = 0.0778, ᾱ₈₀₀ = 0.00151.
/// </summary>
public sealed class DdpmSchedule
{
    readonly double[] _beta, _alphaBar;

    /// <summary>The schedule with <paramref name="steps"/> indices and β linear from <paramref name="betaStart"/> to <paramref name="betaEnd"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless T ≥ 2 and 0 &lt; β_start ≤ β_end &lt; 1.</exception>
    public DdpmSchedule(int steps = 1000, double betaStart = 1e-4, double betaEnd = 0.02)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "a DDPM schedule needs T ≥ 2 steps.");
        if (!(betaStart > 0) || !(betaStart < 1)) throw new ArgumentOutOfRangeException(nameof(betaStart), betaStart, "β_start must be in (0, 1).");
        if (!(betaEnd >= betaStart) || !(betaEnd < 1)) throw new ArgumentOutOfRangeException(nameof(betaEnd), betaEnd, $"β_end must be in [β_start = {betaStart}, 1).");
        (Steps, BetaStart, BetaEnd) = (steps, betaStart, betaEnd);
        _beta = new double[steps];
        _alphaBar = new double[steps];
        double product = 1;
        for (int t = 0; t < steps; t++)
        {
            _beta[t] = betaStart + (betaEnd - betaStart) * t / (steps - 1);
            product *= 1 - _beta[t];
            _alphaBar[t] = product;
        }
    }

    /// <summary>T, the number of indices.</summary>
    public int Steps { get; }

    /// <summary>β at t = 0.</summary>
    public double BetaStart { get; }

    /// <summary>β at t = T − 1.</summary>
    public double BetaEnd { get; }

    /// <summary>βₜ.</summary>
    public double Beta(int t) => _beta[Check(t)];

    /// <summary>ᾱₜ = Πⱼ₌₀ᵗ (1 − βⱼ).</summary>
    public double AlphaBar(int t) => _alphaBar[Check(t)];

    int Check(int t) => t >= 0 && t < Steps ? t
        : throw new ArgumentOutOfRangeException(nameof(t), t, string.Create(CultureInfo.InvariantCulture, $"the index must be in 0 … {Steps - 1}."));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DDPM(T = {Steps}, β linear {BetaStart:G3} … {BetaEnd:G3})");
}
