using MathNet.Numerics.Distributions;
using ScoreScope.Analysis;

namespace ScoreScope.Tests.Analysis;

public sealed class CensoredPowerLawFitTests
{
    [Fact]
    public void Without_censoring_the_estimate_is_least_squares_with_the_maximum_likelihood_variance()
    {
        var x = new[] { 16.0, 16, 32, 32, 64, 64, 128, 128 };
        var noise = new[] { 0.3, -0.2, 0.1, -0.4, 0.25, 0.05, -0.15, 0.2 };
        var y = x.Select((v, i) => Math.Exp(1.5 + 2.5 * Math.Log(v) + noise[i])).ToArray();
        var ordinary = PowerLawFit.Fit(x, y);
        var fit = CensoredPowerLawFit.Fit(x, y, new bool[x.Length]);
        Assert.Equal(ordinary.Exponent, fit.Exponent, 10);
        Assert.Equal(ordinary.LogPrefactor, fit.LogPrefactor, 9);
        // σ̂² = RSS/n against s² = RSS/(n − 2): the standard errors differ by exactly √((n − 2)/n).
        Assert.Equal(ordinary.ExponentStandardError * Math.Sqrt((x.Length - 2.0) / x.Length), fit.ExponentStandardError, 9);
        Assert.Equal(0, fit.Censored);
    }

    [Fact]
    public void Censored_replicas_are_lower_bounds_so_the_fit_is_unbiased_where_dropping_them_is_not()
    {
        // A sample-complexity sweep in miniature: log n = 3·log d + 0.6·ε at d = 32 … 256, 8 replicas per d, and a step
        // budget equal to the median at d = 256, so about half of the largest-d replicas are censored.
        const int seed = 20261204, datasets = 400, replicas = 8;
        const double exponent = 3, scatter = 0.6;
        int[] dimensions = [32, 64, 128, 256];
        double budget = Math.Pow(256, exponent);
        var random = new Random(seed);
        var censoredFits = new List<double>();
        var censoredErrors = new List<double>();
        var droppedFits = new List<double>();
        int censoredTotal = 0;
        for (int k = 0; k < datasets; k++)
        {
            var x = new List<double>();
            var y = new List<double>();
            var censored = new List<bool>();
            foreach (int d in dimensions)
            {
                for (int r = 0; r < replicas; r++)
                {
                    double steps = Math.Exp(exponent * Math.Log(d) + scatter * Normal.Sample(random, 0, 1));
                    x.Add(d);
                    y.Add(Math.Min(steps, budget));
                    censored.Add(steps > budget);
                }
            }
            var fit = CensoredPowerLawFit.Fit(x, y, censored);
            censoredFits.Add(fit.Exponent);
            censoredErrors.Add(fit.ExponentStandardError);
            censoredTotal += fit.Censored;
            var kept = Enumerable.Range(0, x.Count).Where(i => !censored[i]).ToArray();
            droppedFits.Add(PowerLawFit.Fit(kept.Select(i => x[i]).ToArray(), kept.Select(i => y[i]).ToArray()).Exponent);
        }
        Assert.Equal(datasets, censoredFits.Count);
        double share = censoredTotal / (double)(datasets * replicas);
        Assert.True(share is > 0.4 and < 0.6, $"about half of the d = 256 replicas should be censored; {share:F3} of one d's worth were (seed {seed}).");

        double mean = censoredFits.Average();
        double spread = Math.Sqrt(censoredFits.Sum(v => (v - mean) * (v - mean)) / (datasets - 1));
        double standardError = spread / Math.Sqrt(datasets);
        Assert.True(Math.Abs(mean - exponent) < 4 * standardError,
            $"censored fit: mean γ̂ = {mean:F4} over {datasets} data sets (seed {seed}); |γ̂ − 3| must be < 4 SE = {4 * standardError:F4} (SE = sd/√{datasets}).");
        double droppedMean = droppedFits.Average();
        Assert.True(exponent - droppedMean > 4 * standardError,
            $"least squares over the escaped replicas only should be biased low: mean γ̂ = {droppedMean:F4} (seed {seed}, 4 SE = {4 * standardError:F4}).");

        // The reported asymptotic SE against the spread of the estimates: the SD of a sample SD over n data sets has
        // relative SE 1/√(2(n − 1)) = 3.5 %, so 4 SE is 14 %; the asymptotic SE of n = 32 values is itself a few % small.
        double reported = Math.Sqrt(censoredErrors.Average(v => v * v));
        Assert.True(Math.Abs(reported / spread - 1) < 4 / Math.Sqrt(2.0 * (datasets - 1)),
            $"reported SE (rms) {reported:F4} against the spread {spread:F4} of γ̂ over {datasets} data sets (seed {seed}); tolerance 4 relative SE of a sample SD.");
    }

    [Fact]
    public void A_dimension_with_every_replica_censored_still_bounds_the_exponent_from_below()
    {
        // Observed exactly on y = x² at x = 1, 2, 4 (two replicas each) and every replica at x = 8 censored at 100 > 64:
        // the censored values say y(8) > 100, i.e. more than the line predicts, which pushes the exponent above 2.
        var x = new[] { 1.0, 1, 2, 2, 4, 4, 8, 8 };
        var noise = new[] { 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0, 0 };
        var y = x.Select((v, i) => i >= 6 ? 100 : v * v * Math.Exp(noise[i])).ToArray();
        var fit = CensoredPowerLawFit.Fit(x, y, [false, false, false, false, false, false, true, true]);
        Assert.True(fit.Exponent > 2, $"γ̂ = {fit.Exponent} should exceed the observed points' 2.");
        Assert.Equal(2, fit.Censored);
        Assert.True(double.IsFinite(fit.ExponentStandardError) && fit.ExponentStandardError > 0);
    }

    [Fact]
    public void Too_few_observed_values_are_rejected_with_their_count()
    {
        var e = Assert.Throws<ArgumentException>(() => CensoredPowerLawFit.Fit([1.0, 2, 4, 8], [1.0, 4, 16, 64], [false, false, true, true]));
        Assert.Contains("got 2 of 4", e.Message);
        var negative = Assert.Throws<ArgumentException>(() => CensoredPowerLawFit.Fit([1.0, -2, 4], [1.0, 4, 16], [false, false, false]));
        Assert.Contains("pair 1", negative.Message);
    }
}
