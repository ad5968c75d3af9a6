using System.Globalization;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// The heat-kernel KDE ρ̂_T = (1/n)Σ_i k_T(·, x_i) of n points on the flat torus T^D at a moderate or large time T (the
/// law at T of Brownian motion with generator Δ started from the empirical measure), as a batched log-density with respect
/// to Lebesgue measure on [0, 2π)^D, from its Fourier series:
/// ρ̂_T(x) = (2π)^{−D} Σ_{k∈ℤ^D} e^{−|k|²T}(ĉ_k cos k·x + ŝ_k sin k·x), ĉ_k + iŝ_k = (1/n)Σ_i e^{ik·x_i} — the uniform
/// density plus its first modes. The terminal density of <see cref="TorusProbabilityFlowLikelihood"/> when T is too small
/// for the uniform approximation.
/// </summary>
/// <remarks>
/// docs/science/operator-informed.md §4 (terminal density). The series is cut at |k_j| ≤ K = ⌈√(40/T)⌉, so every dropped
/// term is below e^{−40} ≈ 4e-18 and their sum below D·θ(T)^{D−1}·3e^{−40} relative to the uniform density (θ(T) =
/// Σ_k e^{−k²T}); it equals <see cref="TorusKernelSmoothingScore"/>'s log-KDE minus D·log 2π to rounding. Cost: (2K + 1)^D
/// modes, 225 for D = 2 at T = 1; more than 20 000 modes are refused (use the wrapped-Gaussian form of
/// <see cref="TorusKernelSmoothingScore"/> at small T).
/// </remarks>
public sealed class TorusSmoothedEmpiricalDensity
{
    const double Cutoff = 40;
    const int MaximumModes = 20_000;
    readonly double[] _waveVectors;   // [M·D], row-major
    readonly double[] _cosine;        // e^{−|k|²T}·ĉ_k, [M]
    readonly double[] _sine;          // e^{−|k|²T}·ŝ_k, [M]

    /// <summary>Builds the series of the points (angles in radians, n ≥ 1 of dimension D ≥ 1) at time T.</summary>
    /// <exception cref="ArgumentException">For no points, ragged or non-finite points.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For T ≤ 0 or not finite, or a T so small that the series needs more than 20 000 modes.</exception>
    public TorusSmoothedEmpiricalDensity(IReadOnlyList<double[]> points, double time)
    {
        ArgumentNullException.ThrowIfNull(points);
        SemigroupChecks.RequireTime(time);
        if (points.Count == 0 || points[0].Length == 0) throw new ArgumentException("need at least one point of dimension ≥ 1.", nameof(points));
        Dimension = points[0].Length;
        if (points.Any(p => p.Length != Dimension || p.Any(v => !double.IsFinite(v))))
            throw new ArgumentException($"every point needs {Dimension} finite coordinates.", nameof(points));
        Frequencies = (int)Math.Ceiling(Math.Sqrt(Cutoff / time));
        int side = 2 * Frequencies + 1;
        double modes = Math.Pow(side, Dimension);
        if (modes > MaximumModes)
            throw new ArgumentOutOfRangeException(nameof(time), time,
                string.Create(CultureInfo.InvariantCulture, $"T is too small for the Fourier series in D = {Dimension}: {modes} modes > {MaximumModes}."));
        Time = time;
        int count = (int)modes;
        _waveVectors = new double[count * Dimension];
        _cosine = new double[count];
        _sine = new double[count];
        for (int m = 0; m < count; m++)
        {
            int rest = m;
            double norm = 0;
            for (int j = Dimension - 1; j >= 0; j--)
            {
                int k = rest % side - Frequencies;
                rest /= side;
                _waveVectors[m * Dimension + j] = k;
                norm += (double)k * k;
            }
            double decay = Math.Exp(-norm * time), c = 0, s = 0;
            foreach (var p in points)
            {
                double phase = 0;
                for (int j = 0; j < Dimension; j++) phase += _waveVectors[m * Dimension + j] * p[j];
                c += Math.Cos(phase);
                s += Math.Sin(phase);
            }
            _cosine[m] = decay * c / points.Count;
            _sine[m] = decay * s / points.Count;
        }
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>The time T.</summary>
    public double Time { get; }

    /// <summary>K, the largest |k_j| kept.</summary>
    public int Frequencies { get; }

    /// <summary>log ρ̂_T(x) (Lebesgue density on [0, 2π)^D) for x [B, D] (any representative mod 2π); float64 [B].</summary>
    /// <exception cref="ArgumentException">For x not of shape [B, D].</exception>
    public Tensor LogDensity(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Dimension)
            throw new ArgumentException($"x must have shape [B, {Dimension}]; got [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = NewDisposeScope();
        var k = tensor(_waveVectors, [_cosine.Length, Dimension], dtype: ScalarType.Float64, device: x.device);
        var phase = x.to_type(ScalarType.Float64).matmul(k.t());                                     // [B, M]
        var c = tensor(_cosine, [_cosine.Length, 1], dtype: ScalarType.Float64, device: x.device);
        var s = tensor(_sine, [_sine.Length, 1], dtype: ScalarType.Float64, device: x.device);
        var relative = phase.cos().matmul(c).Add(phase.sin().matmul(s)).squeeze(1);                 // (2π)^D ρ̂_T(x)
        return relative.log().Subtract(Dimension * Math.Log(2 * Math.PI)).MoveToOuterDisposeScope();
    }
}
