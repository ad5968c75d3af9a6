using ScoreScope.Analysis;
using ScoreScope.Data.MixedCumulant;

namespace ScoreScope.Tests.Data.MixedCumulant;

/// <summary>
/// Sample estimates of mean, variance, κ₃ and κ₄ along each spike and of Cov(u·x, v·x), with batch-means standard
/// errors (B batches), for any <see cref="IPointSampler"/> with a spike basis.
/// </summary>
sealed class SpikeMomentCheck
{
    public const int Batches = 100;

    public required double[] Estimates { get; init; }   // [spike*4 + stat] then cross at 12
    public required double[] StandardErrors { get; init; }

    public static SpikeMomentCheck Run(IPointSampler sampler, double[][] basis, int count, Random random)
    {
        if (count % Batches != 0) throw new ArgumentException($"count {count} must be a multiple of {Batches}.");
        int perBatch = count / Batches;
        var x = new double[sampler.Dimension];
        var projections = new double[3][];
        for (int i = 0; i < 3; i++) projections[i] = new double[perBatch];
        var batchValues = new double[13][];
        for (int s = 0; s < 13; s++) batchValues[s] = new double[Batches];
        var pooled = new[] { new CentralMoments(), new CentralMoments(), new CentralMoments() };
        double crossSum = 0, uSum = 0, vSum = 0;
        for (int b = 0; b < Batches; b++)
        {
            double bc = 0, bu = 0, bv = 0;
            for (int n = 0; n < perBatch; n++)
            {
                sampler.Sample(x, random);
                for (int i = 0; i < 3; i++) projections[i][n] = System.Numerics.Tensors.TensorPrimitives.Dot<double>(x, basis[i]);
                bc += projections[1][n] * projections[2][n];
                bu += projections[1][n];
                bv += projections[2][n];
            }
            for (int i = 0; i < 3; i++)
            {
                var batch = new CentralMoments();
                batch.Add(projections[i]);
                pooled[i].Add(batch);
                var k = KStatistics(batch);
                for (int s = 0; s < 4; s++) batchValues[i * 4 + s][b] = k[s];
            }
            batchValues[12][b] = (bc - bu * bv / perBatch) / (perBatch - 1);
            crossSum += bc; uSum += bu; vSum += bv;
        }
        var estimates = new double[13];
        var errors = new double[13];
        for (int i = 0; i < 3; i++)
        {
            var k = KStatistics(pooled[i]);
            for (int s = 0; s < 4; s++) estimates[i * 4 + s] = k[s];
        }
        estimates[12] = (crossSum - uSum * vSum / count) / (count - 1);
        for (int s = 0; s < 13; s++)
        {
            var stats = new MathNet.Numerics.Statistics.RunningStatistics(batchValues[s]);
            errors[s] = stats.StandardDeviation / Math.Sqrt(Batches);
        }
        return new SpikeMomentCheck { Estimates = estimates, StandardErrors = errors };
    }

    static double[] KStatistics(CentralMoments m) =>
        CumulantRelations.KStatistics(m.Count, m.Mean, m.CentralSum(2), m.CentralSum(3), m.CentralSum(4));

    public static double[] Exact(MixedCumulantModel model)
    {
        var exact = new double[13];
        foreach (var spike in Enum.GetValues<MixedCumulantSpike>())
        {
            var s = model.StatisticsAlong(spike);
            int i = (int)spike;
            (exact[i * 4], exact[i * 4 + 1], exact[i * 4 + 2], exact[i * 4 + 3]) = (s.Mean, s.Variance, s.Kappa3, s.Kappa4);
        }
        exact[12] = model.SubspaceCovariance[1, 2];
        return exact;
    }

    public static readonly string[] Names =
    [
        "mean(m)", "var(m)", "κ3(m)", "κ4(m)", "mean(u)", "var(u)", "κ3(u)", "κ4(u)",
        "mean(v)", "var(v)", "κ3(v)", "κ4(v)", "cov(u,v)",
    ];
}
