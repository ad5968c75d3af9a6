using System.Globalization;
using System.Text;
using ScoreScope.Semigroups;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// The CSV tables of <c>scorescope heat-kernel</c>: heat kernels along a geodesic from a centre point, and
/// training-free scores (DKS/RDKS, or circle OISM) of data on a grid. Every number is float64, written round-trip.
/// </summary>
public static class HeatKernelGrid
{
    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Circle or torus kernel k_t(x, c) for x = c + δ·e₁, δ on a uniform grid of [−π, π).</summary>
    public static string TorusKernel(double time, double[] center, int points)
    {
        var sb = new StringBuilder("delta,kernel,log_kernel,d_log_kernel_d_x1\n");
        var x = new double[center.Length];
        var g = new double[center.Length];
        for (int i = 0; i < points; i++)
        {
            double delta = -Math.PI + 2 * Math.PI * i / points;
            center.CopyTo(x, 0);
            x[0] = TorusForwardSampler.Wrap(center[0] + delta);
            double log = TorusHeatKernel.LogGradient(time, x, center, g);
            sb.Append(CultureInfo.InvariantCulture, $"{F(delta)},{F(Math.Exp(log))},{F(log)},{F(g[0])}\n");
        }
        return sb.ToString();
    }

    /// <summary>Sphere kernel k_t(θ) on θ ∈ [0, π] (S² with its short-time switch, S^d by the Gegenbauer series).</summary>
    public static string SphereKernel(int dimension, double time, int points)
    {
        var sb = new StringBuilder("theta,kernel,d_kernel_d_theta\n");
        var series = new HypersphereHeatKernel(dimension);
        for (int i = 0; i < points; i++)
        {
            double theta = Math.PI * i / (points - 1);
            var (v, d) = dimension == 2
                ? SphereHeatKernel.Evaluate(time, theta)
                : (series.Value(time, Math.Cos(theta)), -Math.Sin(theta) * series.Series(time, Math.Cos(theta)).Derivative);
            sb.Append(CultureInfo.InvariantCulture, $"{F(theta)},{F(v)},{F(d)}\n");
        }
        return sb.ToString();
    }

    /// <summary>A score on the circle (D = 1) or the 2-torus: uniform grid of [0, 2π)^D.</summary>
    public static string TorusScore(IManifoldScore score, int dimension, double time, int points)
    {
        var sb = new StringBuilder(dimension == 1 ? "x,score,log_density\n" : "x1,x2,score1,score2,log_density\n");
        var s = new double[dimension];
        int outer = dimension == 1 ? 1 : points;
        for (int i = 0; i < outer; i++)
            for (int j = 0; j < points; j++)
            {
                double a = 2 * Math.PI * j / points;
                if (dimension == 1)
                {
                    double log = score.Score(time, [a], s);
                    sb.Append(CultureInfo.InvariantCulture, $"{F(a)},{F(s[0])},{F(log)}\n");
                }
                else
                {
                    double b = 2 * Math.PI * i / points;
                    double log = score.Score(time, [a, b], s);
                    sb.Append(CultureInfo.InvariantCulture, $"{F(a)},{F(b)},{F(s[0])},{F(s[1])},{F(log)}\n");
                }
            }
        return sb.ToString();
    }

    /// <summary>The circle OISM score s̃_t on a uniform grid of [0, 2π).</summary>
    public static string CircleOismScore(CircleOism oism, double time, int points)
    {
        var alpha = oism.Coefficients(time);
        var sb = new StringBuilder("x,score\n");
        for (int j = 0; j < points; j++)
        {
            double a = 2 * Math.PI * j / points;
            sb.Append(CultureInfo.InvariantCulture, $"{F(a)},{F(CircleOism.Score(alpha, a))}\n");
        }
        return sb.ToString();
    }

    /// <summary>The S² RDKS score on a polar × azimuth grid (points × points).</summary>
    public static string SphereScore(SphereKernelSmoothingScore score, double time, int points)
    {
        var sb = new StringBuilder("x,y,z,score_x,score_y,score_z,log_density\n");
        var s = new double[3];
        for (int i = 0; i < points; i++)
        {
            double polar = Math.PI * i / (points - 1);
            for (int j = 0; j < (i == 0 || i == points - 1 ? 1 : points); j++)
            {
                double azimuth = 2 * Math.PI * j / points;
                double[] x = [Math.Sin(polar) * Math.Cos(azimuth), Math.Sin(polar) * Math.Sin(azimuth), Math.Cos(polar)];
                double log = score.Score(time, x, s);
                sb.Append(CultureInfo.InvariantCulture, $"{F(x[0])},{F(x[1])},{F(x[2])},{F(s[0])},{F(s[1])},{F(s[2])},{F(log)}\n");
            }
        }
        return sb.ToString();
    }
}
