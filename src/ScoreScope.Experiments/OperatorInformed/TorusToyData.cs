using ScoreScope.Numerics;
using ScoreScope.Semigroups;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>
/// The 2-D toy data of the paper's rebuttal table on the torus T² = (ℝ/2πℤ)² (the planar draws wrapped), with the
/// reference score ∇log ρ_t of the wrapped law under Brownian motion with generator Δ:
/// <list type="bullet">
/// <item><c>8gaussians</c>: eight N(c_j, s²I) at radius 4/√2, s = 0.5/√2 (FFJORD's generator). Exact: the wrapped law
/// at time t is the mixture of heat kernels k_{t + s²/2}(·, c_j), whose score is the DKS of the centres at t + s²/2.</item>
/// <item><c>2spirals</c>: c(u) = ±(−u cos u, u sin u)/3 with u = 3π√U, plus N(0, s²I), s = 0.1 (FFJORD's curve; its
/// extra uniform jitter is left out so that the law is a Gaussian smoothing of the curve). Exact up to quadrature: the
/// DKS at t + s²/2 of 2×4000 curve points at the quantile midpoints of u.</item>
/// <item><c>pinwheel</c>: FFJORD's five-armed pinwheel (radial sd 0.3, tangential sd 0.1, rate 0.25, scale 2). No closed
/// form: the reference is the DKS of a large independent sample at time t (an estimate, stated as such).</item>
/// </list>
/// </summary>
static class TorusToyData
{
    const double SpiralNoise = 0.1;
    static readonly double GaussianSd = 0.5 / Math.Sqrt(2);

    public static readonly string[] Names = ["8gaussians", "2spirals", "pinwheel"];

    /// <summary>n points [n][2], wrapped to [−π, π).</summary>
    public static double[][] Sample(string name, int count, Generator generator)
    {
        using var scope = NewDisposeScope();
        double[] x = name switch
        {
            "8gaussians" => EightGaussians(count, generator),
            "2spirals" => TwoSpirals(count, generator),
            "pinwheel" => Pinwheel(count, generator),
            _ => throw new ArgumentException($"unknown data set '{name}'.", nameof(name)),
        };
        return [.. Enumerable.Range(0, count).Select(i => new[] { Wrap(x[2 * i]), Wrap(x[2 * i + 1]) })];
    }

    /// <summary>n draws of the wrapped law at time t, x₀ + √(2t)·z mod 2π in [−π, π): x₀ first, then z, from one generator.</summary>
    public static double[][] SampleAt(string name, int count, double time, Generator generator)
    {
        var x0 = Sample(name, count, generator);
        using var z = randn([count, 2], dtype: ScalarType.Float64, generator: generator);
        var zs = z.data<double>().ToArray();
        double sigma = Math.Sqrt(2 * time);
        return [.. x0.Select((p, k) => new[] { Wrap(p[0] + sigma * zs[2 * k]), Wrap(p[1] + sigma * zs[2 * k + 1]) })];
    }

    /// <summary>How the reference score is obtained (for the tables and the README).</summary>
    public static string ReferenceKind(string name) => name switch
    {
        "8gaussians" => "exact (wrapped Gaussian mixture)",
        "2spirals" => "exact up to quadrature (8000 curve points)",
        _ => "DKS of a large independent sample (estimate)",
    };

    /// <summary>The reference score at time t as a smoother and the time at which to evaluate it.</summary>
    public static (TorusKernelSmoothingScore Score, double Time) Reference(string name, double time, int referenceSamples, ulong seed)
    {
        switch (name)
        {
            case "8gaussians":
                return (new TorusKernelSmoothingScore(Centres()), time + GaussianSd * GaussianSd / 2);
            case "2spirals":
                const int quadrature = 4000;
                var points = new List<double[]>();
                for (int i = 0; i < quadrature; i++)
                {
                    double u = 3 * Math.PI * Math.Sqrt((i + 0.5) / quadrature);
                    double cx = -Math.Cos(u) * u / 3, cy = Math.Sin(u) * u / 3;
                    points.Add([cx, cy]);
                    points.Add([-cx, -cy]);
                }
                return (new TorusKernelSmoothingScore(points), time + SpiralNoise * SpiralNoise / 2);
            default:
                using (var g = ScoreScope.Numerics.Seeds.Generator(ScoreScope.Numerics.Seeds.Derive(seed, "reference-" + name)))
                    return (new TorusKernelSmoothingScore(Sample(name, referenceSamples, g)), time);
        }
    }

    public static double Wrap(double x) => x - 2 * Math.PI * Math.Floor((x + Math.PI) / (2 * Math.PI));

    static double[][] Centres() =>
        [.. Enumerable.Range(0, 8).Select(j => new[] { 4 / Math.Sqrt(2) * Math.Cos(j * Math.PI / 4), 4 / Math.Sqrt(2) * Math.Sin(j * Math.PI / 4) })];

    static double[] EightGaussians(int count, Generator generator)
    {
        var centres = Centres();
        var label = randint(8, [count], dtype: ScalarType.Int64, generator: generator).data<long>().ToArray();
        var z = randn([count, 2], dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var x = new double[2 * count];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < 2; j++) x[2 * i + j] = centres[label[i]][j] + GaussianSd * z[2 * i + j];
        return x;
    }

    static double[] TwoSpirals(int count, Generator generator)
    {
        var u = rand([count], dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var arm = randint(2, [count], dtype: ScalarType.Int64, generator: generator).data<long>().ToArray();
        var z = randn([count, 2], dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var x = new double[2 * count];
        for (int i = 0; i < count; i++)
        {
            double v = 3 * Math.PI * Math.Sqrt(u[i]), sign = arm[i] == 0 ? 1 : -1;
            x[2 * i] = sign * -Math.Cos(v) * v / 3 + SpiralNoise * z[2 * i];
            x[2 * i + 1] = sign * Math.Sin(v) * v / 3 + SpiralNoise * z[2 * i + 1];
        }
        return x;
    }

    static double[] Pinwheel(int count, Generator generator)
    {
        const double radial = 0.3, tangential = 0.1, rate = 0.25;
        var label = randint(5, [count], dtype: ScalarType.Int64, generator: generator).data<long>().ToArray();
        var z = randn([count, 2], dtype: ScalarType.Float64, generator: generator).data<double>().ToArray();
        var x = new double[2 * count];
        for (int i = 0; i < count; i++)
        {
            double f0 = 1 + radial * z[2 * i], f1 = tangential * z[2 * i + 1];
            double angle = 2 * Math.PI * label[i] / 5 + rate * Math.Exp(f0);
            x[2 * i] = 2 * (Math.Cos(angle) * f0 + Math.Sin(angle) * f1);
            x[2 * i + 1] = 2 * (-Math.Sin(angle) * f0 + Math.Cos(angle) * f1);
        }
        return x;
    }
}
