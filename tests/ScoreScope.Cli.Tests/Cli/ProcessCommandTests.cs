using System.Globalization;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>scorescope process</c>: the written coefficients equal the closed forms of the linear-β VP process and the geometric
/// VE process, σ → t inverts σ(t), and bad input is one line with exit code 2.
/// </summary>
public sealed class ProcessCommandTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    double[][] Table(params string[] args)
    {
        string csv = _cli.PathOf($"process-{Guid.NewGuid():N}.csv");
        var result = CliHarness.Run(["process", .. args, "--out", csv]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("t,a,b,sigma,snr,f,beta,g", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',').Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }

    static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void The_vp_coefficients_are_the_linear_beta_closed_forms()
    {
        const double betaMin = 0.3, betaMax = 12;
        var rows = Table("--process", "vp", "--beta-min", "0.3", "--beta-max", "12", "--steps", "20", "--t-min", "0.01");
        Assert.Equal(21, rows.Length);
        foreach (var r in rows)
        {
            double t = r[0];
            double beta = betaMin + t * (betaMax - betaMin);
            double a = Math.Exp(-0.25 * t * t * (betaMax - betaMin) - 0.5 * t * betaMin);
            double b = Math.Sqrt(1 - a * a);
            Close(a, r[1], $"a({t})");
            Close(b, r[2], $"b({t})");
            Close(b / a, r[3], $"σ({t})");
            Close(a * a / (b * b), r[4], $"SNR({t})");
            Close(-0.5 * beta, r[5], $"f({t})");
            Close(beta, r[6], $"β({t})");
            Close(Math.Sqrt(beta), r[7], $"g({t})");
        }
        Assert.Equal(1.0, rows[^1][0]);
    }

    [Fact]
    public void The_ve_coefficients_are_the_geometric_closed_forms_and_sigmas_map_to_their_times()
    {
        const double sigmaMin = 0.02, sigmaMax = 80;
        var rows = Table("--process", "ve", "--sigma-min", "0.02", "--sigma-max", "80", "--times", "0.001,0.1,0.5,0.9,1");
        Assert.Equal([0.001, 0.1, 0.5, 0.9, 1.0], rows.Select(r => r[0]));
        foreach (var r in rows)
        {
            double t = r[0];
            double sigma = sigmaMin * Math.Pow(sigmaMax / sigmaMin, t);
            Close(1, r[1], "a");
            Close(Math.Sqrt(sigma * sigma - sigmaMin * sigmaMin), r[2], $"b({t})");
            Close(0, r[5], "f");
            Assert.True(double.IsNaN(r[6]), "β is empty for VE");
            Close(sigma * Math.Sqrt(2 * Math.Log(sigmaMax / sigmaMin)), r[7], $"g({t})");
        }
        var result = CliHarness.Run("process", "--process", "ve", "--sigma-min", "0.02", "--sigma-max", "80", "--sigmas", "1,10");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (double target in new[] { 1.0, 10.0 })
        {
            double exact = Math.Log(target * target / (sigmaMin * sigmaMin) + 1) / (2 * Math.Log(sigmaMax / sigmaMin));
            var line = result.Output.Split('\n').Single(l => l.StartsWith($"σ = {target.ToString(CultureInfo.InvariantCulture)} is reached at t = ", StringComparison.Ordinal));
            double t = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(t - exact) <= 1e-12, $"t(σ = {target}) = {t:R}, exact {exact:R}");
        }
        Assert.Contains("(not σ_min = 0.02)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--process", "vq" }, "--process: unknown value 'vq'; valid: ve, vp, vp-cosine, subvp")]
    [InlineData(new[] { "--process", "vp", "--sigma-max", "3" }, "--sigma-max does not apply to --process vp")]
    [InlineData(new[] { "--process", "ve", "--sigma-min", "1", "--sigma-max", "0.5" }, "--sigma-max must be > --sigma-min")]
    [InlineData(new[] { "--times", "0,0.5" }, "--times: '0' is not a time in (0, 1]")]
    [InlineData(new[] { "--times", "0.5,0.2" }, "--times must increase")]
    [InlineData(new[] { "--times", "log:0.1:1:1" }, "expected log:MIN:MAX:COUNT")]
    [InlineData(new[] { "--steps", "0" }, "--steps 0: expected an integer in [1, 100000]")]
    [InlineData(new[] { "--t-min", "1" }, "--t-min 1: expected a time in (0, 1)")]
    [InlineData(new[] { "--process", "ve", "--sigmas", "500" }, "--sigmas: '500' is not a noise level")]
    public void Bad_input_is_one_line_and_exit_2(string[] args, string expected)
    {
        var result = CliHarness.Run(["process", .. args]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void An_existing_out_file_needs_force()
    {
        string csv = _cli.PathOf("p.csv");
        File.WriteAllText(csv, "mine");
        var result = CliHarness.Run("process", "--out", csv);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("already exists; pass --force", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(csv));
        Assert.Equal(0, CliHarness.Run("process", "--out", csv, "--force").ExitCode);
        Assert.StartsWith("t,a,b,", File.ReadAllText(csv), StringComparison.Ordinal);
    }
}
