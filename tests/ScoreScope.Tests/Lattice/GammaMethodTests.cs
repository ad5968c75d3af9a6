using ScoreScope.Lattice;

namespace ScoreScope.Tests.Lattice;

/// <summary>Wolff's Γ-method on an AR(1) process with known τ_int and error of the mean.</summary>
public sealed class GammaMethodTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void Tau_int_and_error_of_an_ar1_mean_are_within_10_percent_of_exact(double rho)
    {
        // x_i = ρ x_{i−1} + ε_i, ε ~ N(0, 1), started in equilibrium: Var x = 1/(1 − ρ²), τ_int = ½(1 + ρ)/(1 − ρ),
        // error of the mean √(2τ_int Var x / N) (Wolff 2004, Eq. 11). 8 replicas × 2¹⁶; seed 4811. The estimate's own
        // relative error is about √(4(W + ½)/N) ≤ 3% here, so 10% is > 3σ.
        const int replicas = 8, length = 1 << 16;
        var random = new ScoreScope.Lattice.ChainRandom(4811);
        var series = new double[replicas * length];
        double sd = Math.Sqrt(1 / (1 - rho * rho));
        for (int r = 0; r < replicas; r++)
        {
            double x = sd * random.NextGaussian();
            for (int i = 0; i < length; i++)
            {
                x = rho * x + random.NextGaussian();
                series[r * length + i] = x;
            }
        }
        var estimate = GammaMethod.Analyse([series], replicas, a => a[0]);
        double tauExact = 0.5 * (1 + rho) / (1 - rho);
        double errorExact = Math.Sqrt(2 * tauExact * sd * sd / series.Length);
        Assert.Equal(replicas * length, estimate.Count);
        Assert.True(Math.Abs(estimate.TauInt / tauExact - 1) < 0.10, $"τ_int = {estimate.TauInt} (± {estimate.TauIntError}) vs exact {tauExact}");
        Assert.True(Math.Abs(estimate.StandardError / errorExact - 1) < 0.10, $"error = {estimate.StandardError} vs exact {errorExact}");
        Assert.True(Math.Abs(estimate.Value) < 5 * errorExact, $"mean {estimate.Value} vs 0 (5 exact SE = {5 * errorExact})");
    }

    [Fact]
    public void Derived_quantity_error_matches_the_delta_method_for_independent_data()
    {
        // f = ā²/b̄ of independent normals (ā = 2, b̄ = 4, σ = 1): σ_f² = (2ā/b̄)²σ²/N + (ā²/b̄²)²σ²/N.
        const int n = 100_000;
        var random = new ScoreScope.Lattice.ChainRandom(99);
        var a = Enumerable.Range(0, n).Select(_ => 2 + random.NextGaussian()).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => 4 + random.NextGaussian()).ToArray();
        var estimate = GammaMethod.Analyse([a, b], 1, m => m[0] * m[0] / m[1]);
        double exact = Math.Sqrt((1.0 + 1.0 / 16) / n);
        Assert.True(Math.Abs(estimate.StandardError / exact - 1) < 0.05, $"σ_f = {estimate.StandardError} vs {exact}");
        Assert.True(Math.Abs(estimate.TauInt - 0.5) < 0.05, $"τ_int = {estimate.TauInt} for independent data");
    }
}
