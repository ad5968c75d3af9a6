using System.Globalization;
using System.Text;
using ScoreScope.Experiments.Plotting;
using ScoreScope.Numerics;
using ScoreScope.Semigroups;

namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>
/// The variance the OISM control removes from denoising score matching (issue 16, deliverable 5;
/// <see cref="DenoisingControlVariance"/>): OU with a Gaussian (N = 2, exact OISM: E|u − s̃|² = 1/σ_t² − 1/v_t) and the
/// §5.4 bimodal mixture (N = 8), and Brownian motion on T² with 8gaussians (OISM(low) and OISM(high)), at small t.
/// </summary>
static class VarianceTable
{
    static readonly double[] OuTimes = [1e-3, 1e-2, 0.1, 0.5];
    static readonly double[] TorusTimes = [1e-2, 0.05, 0.2];

    public static ResultTable Run(string folder, OperatorInformedSettings settings, ClaimReport claims)
    {
        int n = settings.VarianceSamples;
        var csv = new StringBuilder("case,t,n,oracle_second_moment,plain_second_moment,plain_se,controlled_second_moment,controlled_se,gradient_variance_ratio,loss_variance_ratio\n");
        var rows = new List<IReadOnlyList<string>>();
        var estimates = new List<(string Case, DenoisingVarianceEstimate Estimate)>();
        using var generator = ScoreScope.Numerics.Seeds.Generator(ScoreScope.Numerics.Seeds.Derive(settings.Seed, "variance"));

        double[][] gaussian, mixture;
        using (var z = TorchSharp.torch.randn([n], dtype: TorchSharp.torch.ScalarType.Float64, generator: generator))
            gaussian = [.. z.data<double>().Select(v => new[] { 1 + 0.1 * v })];
        using (var z = TorchSharp.torch.randn([n], dtype: TorchSharp.torch.ScalarType.Float64, generator: generator))
        using (var u = TorchSharp.torch.rand([n], dtype: TorchSharp.torch.ScalarType.Float64, generator: generator))
        {
            var zs = z.data<double>().ToArray();
            var us = u.data<double>().ToArray();
            mixture = [.. Enumerable.Range(0, n).Select(i => new[] { (us[i] < 0.5 ? -1.5 : 1.5) + 0.5 * zs[i] })];
        }
        var gaussianControl = new ProductHermiteOism(gaussian, 2);
        var mixtureControl = new ProductHermiteOism(mixture, 8);
        foreach (double t in OuTimes)
        {
            var g = DenoisingControlVariance.OrnsteinUhlenbeck(gaussian, gaussianControl, t, generator);
            estimates.Add(("OU N(1, 0.1²), N = 2", g));
            claims.AddWithinStandardErrors($"ou-dsm-target-second-moment-t{t}", g.OracleSecondMoment, g.PlainSecondMoment, g.PlainSecondMomentError);
            double sigma2 = -ExponentialMinusOne.Evaluate(-2 * t), v = Math.Exp(-2 * t) * 0.01 + sigma2;
            claims.AddWithinStandardErrors($"ou-gaussian-controlled-second-moment-t{t}", 1 / sigma2 - 1 / v, g.ControlledSecondMoment, g.ControlledSecondMomentError);
            var m = DenoisingControlVariance.OrnsteinUhlenbeck(mixture, mixtureControl, t, generator);
            estimates.Add(("OU ½N(±1.5, 0.5²), N = 8", m));
            claims.Add(new ClaimCheck($"ou-mixture-gradient-variance-ratio-t{t}", "finding: < 1", ClaimReport.Format(m.GradientVarianceRatio), "none",
                m.GradientVarianceRatio < 1, Checked: false));
        }
        using (var dataGenerator = ScoreScope.Numerics.Seeds.Generator(ScoreScope.Numerics.Seeds.Derive(settings.Seed, "variance-torus")))
        {
            var torus = TorusToyData.Sample("8gaussians", n, dataGenerator);
            var low = new TorusFullBasisOism(torus, settings.LowFrequencies);
            var high = new TorusFullBasisOism(torus, settings.HighFrequencies);
            foreach (double t in TorusTimes)
            {
                estimates.Add(($"T² 8gaussians, OISM(K = {settings.LowFrequencies})", DenoisingControlVariance.Torus(torus, low, t, generator)));
                var h = DenoisingControlVariance.Torus(torus, high, t, generator);
                estimates.Add(($"T² 8gaussians, OISM(K = {settings.HighFrequencies})", h));
                claims.Add(new ClaimCheck($"torus-8gaussians-high-gradient-variance-ratio-t{t}", "finding: < 1", ClaimReport.Format(h.GradientVarianceRatio), "none",
                    h.GradientVarianceRatio < 1, Checked: false));
            }
        }
        foreach (var (name, e) in estimates)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"\"{name}\",{e.Time},{e.SampleSize},{e.OracleSecondMoment:R},{e.PlainSecondMoment:R},{e.PlainSecondMomentError:R},{e.ControlledSecondMoment:R},{e.ControlledSecondMomentError:R},{e.GradientVarianceRatio:R},{e.ControlledLossVariance / e.PlainLossVariance:R}\n");
            rows.Add([name, e.Time.ToString("G3", CultureInfo.InvariantCulture), double.IsNaN(e.OracleSecondMoment) ? "–" : ClaimReport.Format(e.OracleSecondMoment),
                $"{ClaimReport.Format(e.PlainSecondMoment)} ± {e.PlainSecondMomentError:G2}", $"{ClaimReport.Format(e.ControlledSecondMoment)} ± {e.ControlledSecondMomentError:G2}",
                e.GradientVarianceRatio.ToString("F4", CultureInfo.InvariantCulture), (e.ControlledLossVariance / e.PlainLossVariance).ToString("F4", CultureInfo.InvariantCulture)]);
        }
        File.WriteAllText(Path.Combine(folder, "variance.csv"), csv.ToString());
        var series = estimates.GroupBy(p => p.Case).Select(grp => ($"{grp.Key}: controlled/plain gradient variance",
            grp.Select(p => Math.Log10(p.Estimate.Time)).ToArray(), grp.Select(p => p.Estimate.GradientVarianceRatio).ToArray())).ToList();
        LinePlot.Write(Path.Combine(folder, "variance.png"), series, "Gradient variance left by the OISM control (DSM at NN ≡ 0)", "log10 t", "Var(controlled) / Var(plain)");
        return new ResultTable($"(d) DSM target with and without the OISM control (n = {n} pairs per row): E|u|², E|u − s̃|², variance ratios",
            ["case", "t", "d/(1−e^{−2t})", "E|u|²", "E|u − s̃|²", "grad-var ratio", "loss-var ratio"], rows);
    }
}
