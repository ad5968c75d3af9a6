using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Measures how well a (learned) score matches the exact score of an <see cref="ExactDistribution"/> pushed through a
/// forward process: rel_error(t) = E‖s_θ(x_t, t) − ∇log p_t(x_t)‖² / E‖∇log p_t(x_t)‖² with x_t = a(t)·x₀ + b(t)·z,
/// x₀ ~ p₀ (the Fisher-divergence ratio whose time integral bounds the KL of the generated law, Song et al. 2021b).
/// </summary>
public static class ScoreErrorEvaluation
{
    /// <summary><paramref name="count"/> equally spaced times from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static double[] UniformTimes(double first, double last, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        return Enumerable.Range(0, count).Select(i => first + (last - first) * i / (count - 1)).ToArray();
    }

    /// <summary>
    /// The relative error curve at each time, from <paramref name="samplesPerTime"/> seeded samples of p_t per time
    /// (time i uses the generator seeded with Derive(seed, i)), evaluated in chunks of <paramref name="batchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When a time is outside (0, T] or a count is not positive.</exception>
    public static IReadOnlyList<ScoreErrorPoint> RelativeErrorCurve(
        IScoreFunction score, ExactDistribution data, ForwardProcess process, IReadOnlyList<double> times,
        int samplesPerTime, ulong seed, int batchSize = 8192)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerTime, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var points = new List<ScoreErrorPoint>(times.Count);
        for (int i = 0; i < times.Count; i++)
        {
            double t = times[i];
            if (!(t > 0) || t > process.EndTime)
                throw new ArgumentOutOfRangeException(nameof(times), t, $"Times must lie in (0, {process.EndTime}]; got t = {t}.");
            double a = process.A(t), b = process.B(t);
            using var generator = Seeds.Generator(Seeds.Derive(seed, (ulong)i));
            var errors = new double[samplesPerTime];
            var norms = new double[samplesPerTime];
            for (int start = 0; start < samplesPerTime; start += batchSize)
            {
                int n = Math.Min(batchSize, samplesPerTime - start);
                using var scope = NewDisposeScope();
                var x0 = data.Sample(n, generator).to_type(ScalarType.Float64);
                var xt = process.SampleMarginal(x0, t, generator);
                var exact = data.Score(xt, a, b);
                var learned = score.Score(xt, t).to_type(ScalarType.Float64);
                Shapes.SumEvent((learned - exact).Square()).data<double>().ToArray().CopyTo(errors, start);
                Shapes.SumEvent(exact.Square()).data<double>().ToArray().CopyTo(norms, start);
            }
            double meanError = errors.Average(), meanNorm = norms.Average();
            double ratio = meanError / meanNorm;
            double variance = 0;
            for (int k = 0; k < samplesPerTime; k++)
            {
                double r = errors[k] - ratio * norms[k];
                variance += r * r;
            }
            variance /= samplesPerTime - 1;
            points.Add(new ScoreErrorPoint(t, ratio, Math.Sqrt(variance / samplesPerTime) / meanNorm, samplesPerTime));
        }
        return points;
    }
}
