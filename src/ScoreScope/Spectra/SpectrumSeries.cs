using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Spectra;

/// <summary>
/// Normalised score-Jacobian spectra along a time grid, averaged over a set of points (docs/science/spectral-gaps.md §1.4, §3): at
/// each time the per-point spectra, sorted ascending in the eigenvalue convention ν ∈ [−1, 0] (singular values s are
/// stored as ν = −s), are averaged position by position, with their standard deviation over points, and the
/// per-point dimension estimates m̂ are averaged likewise.
/// </summary>
public sealed class SpectrumSeries
{
    SpectrumSeries(double[] times, double[] squaredNoiseToSignal, double[][] mean, double[][] spread, double[] dimension,
        double[] dimensionSpread, int points, double tolerance)
    {
        Times = times;
        SquaredNoiseToSignal = squaredNoiseToSignal;
        Mean = mean;
        Spread = spread;
        Dimension = dimension;
        DimensionSpread = dimensionSpread;
        Points = points;
        Tolerance = tolerance;
    }

    /// <summary>The process times.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The squared noise-to-signal ratio σ² = b²/a² (the paper's time) at each process time.</summary>
    public IReadOnlyList<double> SquaredNoiseToSignal { get; }

    /// <summary>The point-averaged ascending spectrum at each time, [T][D].</summary>
    public IReadOnlyList<double[]> Mean { get; }

    /// <summary>The standard deviation over points of each sorted position, [T][D].</summary>
    public IReadOnlyList<double[]> Spread { get; }

    /// <summary>The mean over points of m̂ at each time.</summary>
    public IReadOnlyList<double> Dimension { get; }

    /// <summary>The standard deviation over points of m̂ at each time.</summary>
    public IReadOnlyList<double> DimensionSpread { get; }

    /// <summary>The number of points averaged.</summary>
    public int Points { get; }

    /// <summary>The spike tolerance δ of the dimension estimate.</summary>
    public double Tolerance { get; }

    /// <summary>The ambient dimension D.</summary>
    public int AmbientDimension => Mean[0].Length;

    /// <summary>
    /// Builds a series from per-time spectra [B, D] (ascending per point).
    /// </summary>
    /// <param name="times">The process times.</param>
    /// <param name="squaredNoiseToSignal">σ² = b²/a² at each time.</param>
    /// <param name="spectra">Per time, eigenvalues of b²J (ν) or singular values (s), [B, D] ascending per point.</param>
    /// <param name="singularValues">True when <paramref name="spectra"/> holds singular values (stored as ν = −s).</param>
    /// <param name="tolerance">The spike tolerance δ of <see cref="DimensionEstimate"/>.</param>
    /// <exception cref="ArgumentException">When the counts or shapes disagree.</exception>
    public static SpectrumSeries Create(IReadOnlyList<double> times, IReadOnlyList<double> squaredNoiseToSignal,
        IReadOnlyList<Tensor> spectra, bool singularValues, double tolerance = DimensionEstimate.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(squaredNoiseToSignal);
        ArgumentNullException.ThrowIfNull(spectra);
        if (times.Count == 0 || times.Count != squaredNoiseToSignal.Count || times.Count != spectra.Count)
            throw new ArgumentException(
                $"times ({times.Count}), σ² values ({squaredNoiseToSignal.Count}) and spectra ({spectra.Count}) must be non-empty and of equal length.",
                nameof(spectra));
        int t = times.Count;
        var mean = new double[t][];
        var spread = new double[t][];
        var dimension = new double[t];
        var dimensionSpread = new double[t];
        int points = -1;
        for (int i = 0; i < t; i++)
        {
            var s = spectra[i];
            if (s.dim() != 2 || (i > 0 && (s.shape[0] != points || s.shape[1] != mean[0].Length)))
                throw new ArgumentException($"spectrum {i} must be [B, D] like the first; got {Shapes.Format(s)}.", nameof(spectra));
            using var scope = NewDisposeScope();
            var nu = s.to_type(ScalarType.Float64).cpu();
            if (singularValues) nu = (-nu).flip(1);
            points = (int)nu.shape[0];
            mean[i] = nu.mean([0]).data<double>().ToArray();
            spread[i] = points > 1 ? nu.std(0).data<double>().ToArray() : new double[nu.shape[1]];
            var rows = nu.data<double>().ToArray();
            int d = (int)nu.shape[1];
            var m = new double[points];
            for (int p = 0; p < points; p++) m[p] = DimensionEstimate.Estimate(new ArraySegment<double>(rows, p * d, d), tolerance);
            dimension[i] = m.Average();
            dimensionSpread[i] = points > 1 ? Math.Sqrt(m.Sum(v => (v - dimension[i]) * (v - dimension[i])) / (points - 1)) : 0;
        }
        return new SpectrumSeries(times.ToArray(), squaredNoiseToSignal.ToArray(), mean, spread, dimension, dimensionSpread, points, tolerance);
    }

    /// <summary>
    /// The widest gap of the mean spectrum at each time among positions [<paramref name="firstIndex"/>,
    /// <paramref name="lastIndex"/>] (see <see cref="GapDetection.Widest"/>), e.g. the tangent positions
    /// D − m̂ … D − 2 to follow an intermediate gap.
    /// </summary>
    public IReadOnlyList<SpectralGap> WidestGaps(int firstIndex, int lastIndex) =>
        Mean.Select(spectrum => GapDetection.Widest(spectrum, firstIndex, lastIndex)).ToArray();

    /// <summary>
    /// The measured t_max of the gap followed by <see cref="WidestGaps"/>, on the noise-variance axis (the paper's t).
    /// </summary>
    public GapPeak PeakOfWidestGap(int firstIndex, int lastIndex) =>
        GapPeak.Locate(SquaredNoiseToSignal, WidestGaps(firstIndex, lastIndex).Select(g => g.Width).ToArray());
}
