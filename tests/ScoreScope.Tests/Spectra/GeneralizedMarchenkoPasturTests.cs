using ScoreScope.Spectra;

namespace ScoreScope.Tests.Spectra;

public sealed class GeneralizedMarchenkoPasturTests
{
    [Theory]
    [InlineData(0.1, 1.0)]
    [InlineData(0.4, 1.0)]
    [InlineData(0.4, 0.09)]
    [InlineData(0.75, 3.0)]
    public void A_single_variance_reduces_to_the_Marchenko_Pastur_edges(double ratio, double variance)
    {
        var support = GeneralizedMarchenkoPastur.Support(ratio, [1.0], [variance]);
        var mp = MarchenkoPastur.Edges(ratio, variance);
        Assert.Single(support);
        Assert.Equal(mp.Lower, support[0].Lower, 1e-12 * variance);
        Assert.Equal(mp.Upper, support[0].Upper, 1e-12 * variance);
    }

    // Issue 5 acceptance / docs/science/spectral-gaps.md oracle 8: c = 0.4, w = (½, ½), τ = (1, 0.09) → 0.0176, 0.1577 | 0.3271, 2.1136
    // (quoted to 4 decimals, so compared within 5e-5).
    [Fact]
    public void Two_variance_edges_match_the_Silverstein_Bai_values()
    {
        var support = GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.09]);
        Assert.Equal(2, support.Count);
        double[] expected = [0.0176, 0.1577, 0.3271, 2.1136];
        double[] actual = [support[0].Lower, support[0].Upper, support[1].Lower, support[1].Upper];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) < 5e-5, $"edge {i}: {actual[i]:R} vs {expected[i]}");
        }
        // Oracle 8 continued: t_max = √(ab) = 0.2271 and the maximal width 0.1804.
        Assert.Equal(0.2271, SpectralGaps.PeakTime(support[0].Upper, support[1].Lower), 4);
        Assert.Equal(0.1804, SpectralGaps.PeakWidth(support[0].Upper, support[1].Lower), 4);
    }

    [Fact]
    public void Weights_are_normalised_order_does_not_matter_and_equal_variances_merge()
    {
        var reference = GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.09]);
        Assert.Equal(reference, GeneralizedMarchenkoPastur.Support(0.4, [20, 20], [0.09, 1.0]));
        var merged = GeneralizedMarchenkoPastur.Support(0.4, [0.25, 0.5, 0.25], [0.09, 1.0, 0.09]);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(reference[k].Lower, merged[k].Lower, 1e-12);
            Assert.Equal(reference[k].Upper, merged[k].Upper, 1e-12);
        }
    }

    // docs/science/spectral-gaps.md §2.3 says σ2 = 0.5 (τ2 = 0.25) merges the bulks (seen at d = 3000). In the limit the bulks touch
    // between τ2 = 0.25 and 0.26: at 0.25 a gap of width ≈ 0.0014 remains ([0.39857, 0.4]; x(m̲) has critical points at
    // m̲ = −2.322 and exactly −2), far below what a finite-d spectrum resolves; at τ2 = 0.3 there is one bulk.
    [Fact]
    public void Close_variances_give_a_single_merged_bulk()
    {
        var barely = GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.25]);
        Assert.Equal(2, barely.Count);
        Assert.Equal(0.4, barely[1].Lower, 12);
        Assert.True(barely[1].Lower - barely[0].Upper < 2e-3, $"gap {barely[0].Upper:R} .. {barely[1].Lower:R}");
        Assert.Single(GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.26]));
        Assert.Single(GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.3]));
    }

    // Moments of the generalised law: E λ = Σ w τ, E λ² = Σ w τ² + c (Σ w τ)²; mass 1.
    [Theory]
    [InlineData(0.4, 0.09)]
    [InlineData(0.4, 0.25)]
    [InlineData(0.2, 0.01)]
    public void Density_integrates_to_one_with_the_moments_of_the_population(double ratio, double secondVariance)
    {
        double[] w = [0.5, 0.5], tau = [1.0, secondVariance];
        var support = GeneralizedMarchenkoPastur.Support(ratio, w, tau);
        double mass = 0, mean = 0, second = 0;
        foreach (var interval in support)
        {
            var (m0, m1, m2) = SupportIntegrals.Moments(l => GeneralizedMarchenkoPastur.Density(l, ratio, w, tau), interval);
            mass += m0; mean += m1; second += m2;
        }
        double populationMean = 0.5 * (1 + secondVariance), populationSecond = 0.5 * (1 + secondVariance * secondVariance);
        Assert.Equal(1.0, mass, 1e-6);
        Assert.Equal(populationMean, mean, 1e-6);
        Assert.Equal(populationSecond + ratio * populationMean * populationMean, second, 1e-6);
        Assert.Equal(0.0, GeneralizedMarchenkoPastur.Density(0.5 * (support[0].Lower + 0) , ratio, w, tau));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(1.7)]
    public void A_single_variance_density_equals_the_Marchenko_Pastur_density(double eigenvalue)
    {
        Assert.Equal(MarchenkoPastur.Density(eigenvalue, 0.4, 1.0), GeneralizedMarchenkoPastur.Density(eigenvalue, 0.4, [1.0], [1.0]), 10);
    }

    // 8 draws at d = 2000, m1 = m2 = 400: exactly m2 eigenvalues per draw fall below the middle of the predicted gap, and
    // the four edges, estimated from the pooled order statistics without the Tracy–Widom displacement (BulkEdgeEstimate),
    // agree with the theory within 2% (their draw-to-draw spread at this size is ≈ 1%).
    [Fact]
    public void A_d_2000_two_variance_simulation_has_two_bulks_at_the_predicted_edges()
    {
        var eigenvalues = RandomLinearManifoldSpectrum.Pooled(8, 2000, [400, 400], [1.0, 0.09], seed: 20261125);
        Assert.Equal(8 * 800, eigenvalues.Length);
        var support = GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.09]);
        double middle = 0.5 * (support[0].Upper + support[1].Lower);
        var low = eigenvalues.Where(l => l < middle).ToArray();
        var high = eigenvalues.Where(l => l > middle).ToArray();
        Assert.Equal(8 * 400, low.Length);
        double[] simulated =
        [
            BulkEdgeEstimate.Lower(low), BulkEdgeEstimate.Upper(low), BulkEdgeEstimate.Lower(high), BulkEdgeEstimate.Upper(high),
        ];
        double[] theory = [support[0].Lower, support[0].Upper, support[1].Lower, support[1].Upper];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(simulated[i] / theory[i] - 1) < 0.02, $"edge {i}: simulated {simulated[i]:R}, theory {theory[i]:R} (2%)");
        }
    }

    [Fact]
    public void Invalid_population_is_rejected_naming_the_value()
    {
        Assert.Contains("ratio", Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizedMarchenkoPastur.Support(1.0, [1.0], [1.0])).Message);
        Assert.Contains("2 weights and 1 variances", Assert.Throws<ArgumentException>(() => GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0])).Message);
        Assert.Contains("Variance 1", Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizedMarchenkoPastur.Support(0.4, [0.5, 0.5], [1.0, 0.0])).Message);
        Assert.Contains("Weight 0", Assert.Throws<ArgumentOutOfRangeException>(() => GeneralizedMarchenkoPastur.Support(0.4, [-1.0, 0.5], [1.0, 0.5])).Message);
    }
}
