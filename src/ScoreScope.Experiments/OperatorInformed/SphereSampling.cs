using System.Globalization;
using System.Text;
using ScoreScope.Semigroups;
using static TorchSharp.torch;
using SeedStreams = ScoreScope.Numerics.Seeds;

namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>
/// Stage (c): RDKS sampling on S² of a three-component von Mises–Fisher mixture (equal weights, concentration κ): the
/// exact DKS score of n data points (<see cref="SphereKernelSmoothingScore"/>) drives geodesic Euler–Maruyama
/// (<see cref="ManifoldReverseSampler"/>) from the uniform law at T = 3 to t_min on a geometric grid. With the exact
/// empirical score the samples follow the heat-kernel KDE ρ̂_{t_min} of the data (docs/science/operator-informed.md §2,
/// "Time handling"), so the component proportions equal the data's and the mean cosine to the nearest mode is
/// e^{−2t_min} times the data's (E[x_t | x_0] = e^{−2t}x_0 on S², eigenvalue −l(l+1) = −2 at l = 1).
/// </summary>
static class SphereSampling
{
    static readonly double[][] Modes = [Direction(60, 0), Direction(0, 120), Direction(-30, -110)];

    public static (ResultTable Table, string Figure) Run(string folder, OperatorInformedSettings settings, ClaimReport claims, CancellationToken cancellationToken)
    {
        double[][] data;
        using (var g = SeedStreams.Generator(SeedStreams.Derive(settings.Seed, "sphere-data"))) data = VonMisesFisherMixture(settings.SphereData, settings.Concentration, g);
        var score = new SphereKernelSmoothingScore(data);
        const double end = 3.0;
        var grid = Enumerable.Range(0, settings.SphereSteps + 1)
            .Select(k => end * Math.Pow(settings.SphereMinimumTime / end, k / (double)settings.SphereSteps)).ToArray();
        var samples = ManifoldReverseSampler.Sample(new UnitSphere(2), score, grid, settings.SphereSamples, ManifoldSamplerKind.GeodesicEulerMaruyama,
            SeedStreams.Derive(settings.Seed, "sphere-sampler"), cancellationToken);

        var (dataShare, dataCos) = Assign(data);
        var (sampleShare, sampleCos) = Assign(samples);
        var rows = new List<IReadOnlyList<string>>();
        var csv = new StringBuilder("component,data_share,sample_share,data_mean_cos,sample_mean_cos\n");
        double shrink = Math.Exp(-2 * settings.SphereMinimumTime);
        for (int c = 0; c < Modes.Length; c++)
        {
            double p = dataShare[c].Count / (double)data.Length, q = sampleShare[c].Count / (double)samples.Length;
            double se = Math.Sqrt(p * (1 - p) / samples.Length);
            claims.AddWithinStandardErrors($"sphere-component-{c + 1}-share", p, q, se);
            var (dm, dse) = MeanAndError(dataCos[c]);
            var (sm, sse) = MeanAndError(sampleCos[c]);
            claims.AddWithinStandardErrors($"sphere-component-{c + 1}-mean-cosine", shrink * dm, sm, Math.Sqrt(sse * sse + shrink * shrink * dse * dse));
            csv.Append(CultureInfo.InvariantCulture, $"{c + 1},{p:R},{q:R},{dm:R},{sm:R}\n");
            rows.Add([$"{c + 1}", p.ToString("F3", CultureInfo.InvariantCulture), q.ToString("F3", CultureInfo.InvariantCulture),
                $"{shrink * dm:F4} ± {shrink * dse:F4}", $"{sm:F4} ± {sse:F4}"]);
        }
        File.WriteAllText(Path.Combine(folder, "sphere-components.csv"), csv.ToString());
        WriteNpyLike(Path.Combine(folder, "sphere-samples.csv"), samples);
        const string figure = "sphere-samples.png";
        PointCloudFigure.Write(Path.Combine(folder, figure),
            [("data", data.Select(Longitude).ToArray(), data.Select(Latitude).ToArray()), ("RDKS samples", samples.Select(Longitude).ToArray(), samples.Select(Latitude).ToArray())],
            string.Create(CultureInfo.InvariantCulture, $"RDKS on S²: vMF mixture (κ = {settings.Concentration}), n = {data.Length}, t_min = {settings.SphereMinimumTime}"),
            "longitude (°)", "latitude (°)", (-180, 180, -90, 90));
        var table = new ResultTable(string.Create(CultureInfo.InvariantCulture,
            $"(c) RDKS on S² ({samples.Length} samples, {settings.SphereSteps} geodesic Euler–Maruyama steps, T = 3 → t_min = {settings.SphereMinimumTime})"),
            ["component", "data share", "sample share", "e^{−2t_min}·data mean cos", "sample mean cos"], rows);
        return (table, figure);
    }

    // nearest mode per point: the members and their cosines to it
    static (List<int>[] Members, List<double>[] Cosines) Assign(double[][] points)
    {
        var members = Modes.Select(_ => new List<int>()).ToArray();
        var cosines = Modes.Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < points.Length; i++)
        {
            var dots = Modes.Select(m => m[0] * points[i][0] + m[1] * points[i][1] + m[2] * points[i][2]).ToArray();
            int best = Array.IndexOf(dots, dots.Max());
            members[best].Add(i);
            cosines[best].Add(dots[best]);
        }
        return (members, cosines);
    }

    // Wood (1994) on S²: w = 1 + ln(u + (1 − u)e^{−2κ})/κ exactly, then a uniform tangent direction
    static double[][] VonMisesFisherMixture(int count, double kappa, Generator generator)
    {
        var label = randint(Modes.Length, [count], dtype: ScalarType.Int64, generator: generator).data<long>().ToArray();
        var u = rand([count], dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var v = randn([count, 3], dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var result = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var mu = Modes[label[i]];
            double w = 1 + Math.Log(u[i] + (1 - u[i]) * Math.Exp(-2 * kappa)) / kappa;
            var tangent = new[] { v[3 * i], v[3 * i + 1], v[3 * i + 2] };
            double dot = tangent[0] * mu[0] + tangent[1] * mu[1] + tangent[2] * mu[2];
            for (int j = 0; j < 3; j++) tangent[j] -= dot * mu[j];
            double norm = Math.Sqrt(tangent.Sum(a => a * a));
            double r = Math.Sqrt(Math.Max(0, 1 - w * w));
            var x = new double[3];
            for (int j = 0; j < 3; j++) x[j] = w * mu[j] + r * tangent[j] / norm;
            double length = Math.Sqrt(x.Sum(a => a * a));
            result[i] = [.. x.Select(a => a / length)];
        }
        return result;
    }

    static double[] Direction(double latitude, double longitude)
    {
        double phi = latitude * Math.PI / 180, lambda = longitude * Math.PI / 180;
        return [Math.Cos(phi) * Math.Cos(lambda), Math.Cos(phi) * Math.Sin(lambda), Math.Sin(phi)];
    }

    static double Longitude(double[] x) => Math.Atan2(x[1], x[0]) * 180 / Math.PI;

    static double Latitude(double[] x) => Math.Asin(Math.Clamp(x[2], -1, 1)) * 180 / Math.PI;

    static (double Mean, double Error) MeanAndError(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : double.NaN;
        return (mean, Math.Sqrt(variance / values.Count));
    }

    static void WriteNpyLike(string path, double[][] points) =>
        File.WriteAllLines(path, ["x,y,z", .. points.Select(p => string.Join(",", p.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))]);
}
