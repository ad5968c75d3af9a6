using ScoreScope.Semigroups;

namespace ScoreScope.Tests.Semigroups;

/// <summary>
/// The batched, table-based RDKS score on S² against the per-query overload, which is the original scalar loop over
/// pairs (exact <see cref="SphereHeatKernel.LogEvaluate"/> per pair, online log-sum-exp) kept as the reference.
/// </summary>
public sealed class SphereKernelSmoothingScoreTests
{
    static double[] UniformPoint(Random random)
    {
        double z = 2 * random.NextDouble() - 1, phi = 2 * Math.PI * random.NextDouble(), r = Math.Sqrt(1 - z * z);
        return [r * Math.Cos(phi), r * Math.Sin(phi), z];
    }

    /// <summary>Max over queries of |Δs|/max(1, |s|) and |Δ log ρ̂|/max(1, |log ρ̂|), batched vs per-query.</summary>
    static (double Score, double Log) Discrepancy(SphereKernelSmoothingScore smoother, double time, double[] queries, int checkedQueries)
    {
        int count = queries.Length / 3;
        var scores = new double[queries.Length];
        var logs = new double[count];
        smoother.Score(time, queries, scores, logs);
        double scoreError = 0, logError = 0;
        var s = new double[3];
        for (int q = 0; q < Math.Min(count, checkedQueries); q++)
        {
            double log = smoother.Score(time, queries.AsSpan(3 * q, 3), s);
            double norm = Math.Sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
            for (int j = 0; j < 3; j++) scoreError = Math.Max(scoreError, Math.Abs(scores[3 * q + j] - s[j]) / Math.Max(1, norm));
            logError = Math.Max(logError, Math.Abs(logs[q] - log) / Math.Max(1, Math.Abs(log)));
        }
        return (scoreError, logError);
    }

    /// <summary>Short-time form only, both sides of the switch at t = 0.05 and at t = 0.25, and series only.</summary>
    public static TheoryData<double> Times => new() { 1e-3, 1e-2, 0.049, 0.05, 0.1, 0.249, 0.25, 1.0, 3.0 };

    [Theory]
    [MemberData(nameof(Times))]
    public void Batched_score_equals_the_scalar_loop_over_pairs(double time)
    {
        var random = new Random(16);
        var points = Enumerable.Range(0, 37).Select(_ => UniformPoint(random)).ToArray();
        // uniform queries plus a data point itself, its antipode and a point 1e-7 from it
        var queries = new List<double>();
        queries.AddRange(points[0]);
        queries.AddRange(points[1].Select(v => -v));
        var near = new[] { points[2][0] + 1e-7, points[2][1], points[2][2] };
        double length = Math.Sqrt(near.Sum(v => v * v));
        queries.AddRange(near.Select(v => v / length));
        for (int q = 0; q < 37; q++) queries.AddRange(UniformPoint(random));
        var (score, log) = Discrepancy(new SphereKernelSmoothingScore(points), time, [.. queries], int.MaxValue);
        Assert.True(score <= 1e-10, $"t = {time}: score discrepancy {score:E2}");
        Assert.True(log <= 1e-10, $"t = {time}: log-density discrepancy {log:E2}");
    }

    [Fact]
    public void Batched_score_on_many_queries_runs_in_parallel_and_matches()
    {
        var random = new Random(17);
        var points = Enumerable.Range(0, 1001).Select(_ => UniformPoint(random)).ToArray();
        var queries = Enumerable.Range(0, 300).SelectMany(_ => UniformPoint(random)).ToArray();
        var (score, log) = Discrepancy(new SphereKernelSmoothingScore(points), 0.02, queries, 8);
        Assert.True(score <= 1e-10 && log <= 1e-10, $"score {score:E2}, log {log:E2}");
    }

    [Fact]
    public void Batched_score_with_one_point_is_the_gradient_of_the_log_kernel()
    {
        double[] y = [0, 0, 1];
        var smoother = new SphereKernelSmoothingScore([y]);
        double theta = 0.3;
        double[] x = [Math.Sin(theta), 0, Math.Cos(theta)];
        var scores = new double[3];
        var logs = new double[1];
        smoother.Score(0.01, x, scores, logs);
        var (log, dlog) = SphereHeatKernel.LogEvaluate(0.01, theta);
        // ∇θ at x points away from y along the meridian: (cos θ, 0, −sin θ)
        Assert.Equal(log, logs[0], 1e-10);
        Assert.Equal(dlog * Math.Cos(theta), scores[0], 1e-9);
        Assert.Equal(0, scores[1], 1e-12);
        Assert.Equal(-dlog * Math.Sin(theta), scores[2], 1e-9);
    }

    [Fact]
    public void Batched_score_rejects_bad_input()
    {
        var smoother = new SphereKernelSmoothingScore([[1.0, 0, 0]]);
        double[] good = [0, 1, 0];
        Assert.Throws<ArgumentOutOfRangeException>(() => smoother.Score(0, good, new double[3], new double[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => smoother.Score(double.NaN, good, new double[3], new double[1]));
        Assert.Throws<ArgumentException>(() => smoother.Score(0.1, new double[] { 0, 1.01, 0 }, new double[3], new double[1]));
        Assert.Throws<ArgumentException>(() => smoother.Score(0.1, new double[] { 0, 1 }, new double[2], new double[1]));
        Assert.Throws<ArgumentException>(() => smoother.Score(0.1, good, new double[2], new double[1]));
        Assert.Throws<ArgumentException>(() => smoother.Score(0.1, good, new double[3], new double[2]));
    }
}
