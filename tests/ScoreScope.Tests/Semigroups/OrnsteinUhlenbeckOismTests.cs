using ScoreScope.Semigroups;

namespace ScoreScope.Tests.Semigroups;

public sealed class OrnsteinUhlenbeckOismTests
{
    // docs/science/04 §5.4: ½N(−1.5, 0.5²) + ½N(1.5, 0.5²), exact moments, generator f'' − x f'.
    static readonly GaussianMixtureLine Mixture = new([0.5, 0.5], [-1.5, 1.5], [0.5, 0.5]);

    static double ExactMomentFisherError(double time, int basisSize)
    {
        var oism = new OrnsteinUhlenbeckOism(Mixture.HermiteMoments(2 * basisSize), basisSize);
        var beta = oism.Coefficients(time);
        var marginal = Mixture.OrnsteinUhlenbeckMarginal(time);
        return FisherError.OnInterval(marginal.Density, x => OrnsteinUhlenbeckOism.Score(beta, x), marginal.Score, -12, 12);
    }

    public static TheoryData<double, int, double> Table => new()
    {
        { 0.05, 1, 3.11 }, { 0.05, 2, 2.33 }, { 0.05, 4, 0.891 }, { 0.05, 8, 0.288 }, { 0.05, 12, 0.135 },
        { 0.2, 1, 1.27 }, { 0.2, 2, 0.769 }, { 0.2, 4, 0.295 }, { 0.2, 8, 8.16e-2 }, { 0.2, 12, 3.07e-2 },
        { 0.5, 1, 0.290 }, { 0.5, 2, 9.42e-2 }, { 0.5, 4, 2.43e-2 }, { 0.5, 8, 3.22e-3 }, { 0.5, 12, 6.38e-4 },
        { 1.0, 1, 3.72e-2 }, { 1.0, 2, 2.95e-3 }, { 1.0, 4, 2.72e-4 }, { 1.0, 8, 6.51e-6 }, { 1.0, 12, 3.12e-7 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Fisher_error_matches_the_table_of_section_5_within_one_percent(double time, int basisSize, double expected)
    {
        double error = ExactMomentFisherError(time, basisSize);
        Assert.True(Math.Abs(error / expected - 1) <= 0.01, $"t = {time}, N = {basisSize}: Fisher error {error:G6}, table {expected:G3}");
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Fisher_error_decreases_monotonically_in_the_basis_size(double time)
    {
        double previous = double.PositiveInfinity;
        for (int n = 1; n <= 12; n++)
        {
            double error = ExactMomentFisherError(time, n);
            Assert.True(error <= previous * (1 + 1e-9), $"t = {time}: error {error:G6} at N = {n} above {previous:G6} at N = {n - 1}");
            previous = error;
        }
    }

    [Theory]
    [InlineData(0.5, -0.375894)]
    [InlineData(2.0, -1.708411)]
    public void Point_values_at_t_1_and_N_8_match_to_six_digits(double x, double expected)
    {
        var oism = new OrnsteinUhlenbeckOism(Mixture.HermiteMoments(16), 8);
        Assert.Equal(expected, oism.Score(1.0, x), 6);
    }

    [Fact]
    public void Hermite_moments_of_the_mixture_match_the_note()
    {
        // E[He_k], k = 0..6 = [1, 0, 1.5, 0, −3.375, 0, 5.0625]; h_k = He_k/√k!.
        double[] he = [1, 0, 1.5, 0, -3.375, 0, 5.0625];
        var h = Mixture.HermiteMoments(6);
        for (int k = 0; k <= 6; k++)
            Assert.Equal(he[k], h[k] * Math.Sqrt(MathNet.Numerics.SpecialFunctions.Factorial(k)), 12);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Two_eigenfunctions_are_exact_for_Gaussian_data(double time)
    {
        var data = new GaussianMixtureLine([1], [1.0], [0.3]);
        var oism = new OrnsteinUhlenbeckOism(data.HermiteMoments(4), 2);
        var beta = oism.Coefficients(time);
        var marginal = data.OrnsteinUhlenbeckMarginal(time);
        double error = FisherError.OnInterval(marginal.Density, x => OrnsteinUhlenbeckOism.Score(beta, x), marginal.Score, -12, 12);
        Assert.True(error <= 1e-20, $"t = {time}: N = 2 Fisher error {error:G3} for N(1, 0.3²)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    public void A_t_is_symmetric_positive_semidefinite(double time)
    {
        foreach (int n in new[] { 1, 4, 8, 12 })
        {
            var a = new OrnsteinUhlenbeckOism(Mixture.HermiteMoments(2 * n), n).Matrix(time);
            SymmetricPositiveSemidefinite.Assert(a, $"OU mixture, t = {time}, N = {n}");
        }
        var samples = Mixture.Sample(500, new Random(SeedEmpirical));
        var empirical = new OrnsteinUhlenbeckOism(HermiteMoments.FromSamples(samples, 16), 8).Matrix(time);
        SymmetricPositiveSemidefinite.Assert(empirical, $"OU empirical (n = 500), t = {time}, N = 8");
    }

    [Fact]
    public void B_t_and_the_coefficients_vanish_as_t_grows()
    {
        var oism = new OrnsteinUhlenbeckOism(Mixture.HermiteMoments(16), 8);
        double b1 = oism.Vector(1).Select(Math.Abs).Max();
        double b20 = oism.Vector(20).Select(Math.Abs).Max();
        double beta40 = oism.Coefficients(40).Select(Math.Abs).Max();
        Assert.True(b20 <= 1e-8 * b1, $"max|b_20| = {b20:G3} vs max|b_1| = {b1:G3}");
        Assert.True(beta40 <= 1e-15, $"max|β̂_40| = {beta40:G3}");
    }

    const int SeedEmpirical = 20251203;

    [Fact]
    [Trait("Category", "Statistical")]
    public void Two_thousand_samples_give_an_error_close_to_the_exact_moment_value()
    {
        // §5.4: with n = 2000 empirical samples, t = 0.5, N = 8: 3.37e-3; the mean over seeds within a factor 1.5.
        const int sampleCount = 2000, seeds = 20;
        var marginal = Mixture.OrnsteinUhlenbeckMarginal(0.5);
        double sum = 0;
        for (int s = 0; s < seeds; s++)
        {
            var x = Mixture.Sample(sampleCount, new Random(SeedEmpirical + s));
            Assert.Equal(sampleCount, x.Length);
            var beta = new OrnsteinUhlenbeckOism(HermiteMoments.FromSamples(x, 16), 8).Coefficients(0.5);
            sum += FisherError.OnInterval(marginal.Density, y => OrnsteinUhlenbeckOism.Score(beta, y), marginal.Score, -12, 12);
        }
        double mean = sum / seeds;
        Assert.True(mean >= 3.37e-3 / 1.5 && mean <= 3.37e-3 * 1.5, $"mean Fisher error over {seeds} seeds {mean:G4}, reference 3.37e-3 (factor 1.5)");
    }
}
