using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Spectra;

/// <summary>
/// Normalised score-Jacobian spectra along a time grid at fixed points y (docs/science/spectral-gaps.md §1.1: the linearisation
/// s(x, t) ≈ s(y, t) + J(y, t)(x − y) around points of the manifold), as a <see cref="SpectrumSeries"/>. Each time is
/// normalised by its own noise variance b(t)², so the paper's time is the squared noise-to-signal ratio σ² = b²/a².
/// </summary>
public static class SpectrumSweep
{
    /// <summary>The closed-form spectrum of a linear Gaussian manifold (eigenvalues of b²J; one point, since J does not
    /// depend on x).</summary>
    public static SpectrumSeries Exact(SubspaceGaussianDistribution distribution, ForwardProcess process,
        IReadOnlyList<double> times, double tolerance = DimensionEstimate.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Sweep(process, times, false, tolerance,
            t => JacobianSpectrum.NormalisedEigenvalues(ScoreJacobians.Exact(distribution, process, t, 1), Square(process.B(t))));
    }

    /// <summary>
    /// Spectra of b²J by autograd (<see cref="ScoreJacobians.Autograd(IScoreFunction, Tensor, double)"/>) at
    /// <paramref name="points"/> [B, D]: singular values (the paper's choice for learned, non-symmetric Jacobians), or
    /// with <paramref name="symmetricPart"/> the eigenvalues of the symmetric part (the antisymmetric part of a
    /// network's error drops out). With <paramref name="averageJacobians"/> the Jacobians are averaged over the points
    /// before the spectrum is taken (one spectrum per time): valid when the exact Jacobian is the same at every point
    /// (a linear Gaussian manifold), where it averages out the point-to-point part of the network's error, whose
    /// random-matrix spread would otherwise blur the gaps. With a <paramref name="noise"/> generator the Jacobians are
    /// taken at forward-process samples x_t = a(t)y + b(t)z of the points y (typical inputs of a network at time t)
    /// rather than at y itself.
    /// </summary>
    public static SpectrumSeries Autograd(IScoreFunction score, ForwardProcess process, Tensor points,
        IReadOnlyList<double> times, double tolerance = DimensionEstimate.DefaultTolerance, bool symmetricPart = false,
        bool averageJacobians = false, Generator? noise = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Sweep(process, times, !symmetricPart, tolerance, t =>
        {
            var at = noise is null ? points : process.SampleMarginal(points.to_type(ScalarType.Float64), t, noise);
            var j = ScoreJacobians.Autograd(score, at, t);
            if (averageJacobians) j = j.mean([0], keepdim: true);
            double variance = Square(process.B(t));
            return symmetricPart ? JacobianSpectrum.NormalisedEigenvalues(j, variance) : JacobianSpectrum.NormalisedSingularValues(j, variance);
        });
    }

    /// <summary>Singular values of b²J by the symmetrised score-matrix SVD (<see cref="ScoreMatrixSvd"/>) at
    /// <paramref name="points"/> [B, D].</summary>
    public static SpectrumSeries ScoreMatrix(IScoreFunction score, ForwardProcess process, Tensor points,
        IReadOnlyList<double> times, Generator generator, double tolerance = DimensionEstimate.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Sweep(process, times, true, tolerance,
            t => ScoreMatrixSvd.NormalisedSingularValues(score, points, t, process.B(t), generator));
    }

    /// <summary>The process times at which σ² = b²/a² takes the given values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a variance is outside the process's range.</exception>
    public static double[] TimesAtSquaredNoiseToSignal(ForwardProcess process, IReadOnlyList<double> squaredNoiseToSignal)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(squaredNoiseToSignal);
        return squaredNoiseToSignal.Select(v => process.TimeAtNoiseToSignal(Math.Sqrt(v))).ToArray();
    }

    static SpectrumSeries Sweep(ForwardProcess process, IReadOnlyList<double> times, bool singularValues, double tolerance,
        Func<double, Tensor> spectrumAt)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(times);
        using var scope = NewDisposeScope();
        var spectra = new Tensor[times.Count];
        for (int i = 0; i < times.Count; i++)
        {
            using var step = NewDisposeScope();
            spectra[i] = spectrumAt(times[i]).MoveToOuterDisposeScope();
        }
        return SpectrumSeries.Create(times, SquaredNoiseToSignal(process, times), spectra, singularValues, tolerance);
    }

    static double[] SquaredNoiseToSignal(ForwardProcess process, IReadOnlyList<double> times) =>
        times.Select(t => Square(process.NoiseToSignal(t))).ToArray();

    static double Square(double v) => v * v;
}
