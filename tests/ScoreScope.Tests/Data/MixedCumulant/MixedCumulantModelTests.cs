using ScoreScope.Data.MixedCumulant;
using Xunit;
using Xunit.Abstractions;

namespace ScoreScope.Tests.Data.MixedCumulant;

public sealed class MixedCumulantModelTests(ITestOutputHelper output)
{
    const int Seed = 20251203;
    const int SampleCount = 1_000_000;
    const double Z = 4;

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var version in new[] { "whitened", "aligned" })
            foreach (var law in new[] { "gaussian", "rademacher", "three-mixture", "student-t", "skewed" })
                foreach (var correlated in new[] { false, true })
                    data.Add(version, law, correlated);
        return data;
    }

    internal static LatentLaw Law(string name) => name switch
    {
        "gaussian" => new GaussianLatentLaw(),
        "rademacher" => new RademacherLaw(),
        "three-mixture" => new ThreeMixtureLaw(0.01),
        "student-t" => new StudentTLaw(10),
        "skewed" => new SkewedLatentLaw(),
        _ => throw new ArgumentException(name),
    };

    internal static MixedCumulantModel Model(string version, string law, bool correlated) => version == "whitened"
        ? WhitenedMixedCumulantModel.RandomSpikes(6, 2.0, 3.0, 4.0, Law(law), correlated, new Random(Seed))
        : new AlignedMixedCumulantModel(6, Law(law), correlated);

    static double[][] Basis(MixedCumulantModel model) =>
        [.. Enum.GetValues<MixedCumulantSpike>().Select(s => model.Direction(s).ToArray())];

    [Theory]
    [Trait("Category", "Statistical")]
    [Trait("Category", "Slow")] // 20 cases × 10⁶ draws: about 25 s on a loaded two-core machine
    [MemberData(nameof(Cases))]
    public void Sample_moments_along_every_spike_match_the_exact_values(string version, string law, bool correlated)
    {
        var model = Model(version, law, correlated);
        var check = SpikeMomentCheck.Run(model, Basis(model), SampleCount, new Random(Seed + 1));
        var exact = SpikeMomentCheck.Exact(model);
        Assert.True(SampleCount >= 1_000_000, "the acceptance asks for 10⁶ samples");
        double worst = 0;
        for (int s = 0; s < exact.Length; s++)
        {
            double z = (check.Estimates[s] - exact[s]) / check.StandardErrors[s];
            worst = Math.Max(worst, Math.Abs(z));
            Assert.True(Math.Abs(z) <= Z,
                $"{version} {law} correlated={correlated}: {SpikeMomentCheck.Names[s]} = {check.Estimates[s]:G6}, exact {exact[s]:G6}, " +
                $"batch-means SE ({SpikeMomentCheck.Batches} batches) {check.StandardErrors[s]:G3}: {z:F2} SE > {Z}");
        }
        output.WriteLine($"{version} {law} correlated={correlated}: max |z| = {worst:F2}");
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData("aligned", "rademacher", true, false)]
    [InlineData("aligned", "rademacher", true, true)]
    [InlineData("whitened", "skewed", true, true)]
    [InlineData("whitened", "three-mixture", false, false)]
    public void Gaussian_clone_has_the_models_mean_and_chosen_covariance_and_no_higher_cumulants(string version, string law, bool correlated, bool cross)
    {
        var model = Model(version, law, correlated);
        var clone = new GaussianClone(model, cross);
        var check = SpikeMomentCheck.Run(clone, Basis(model), 200_000, new Random(Seed + 2));
        var exact = SpikeMomentCheck.Exact(model);
        for (int i = 0; i < 3; i++) { exact[i * 4 + 2] = 0; exact[i * 4 + 3] = 0; }
        if (!cross) exact[12] = 0;
        for (int s = 0; s < exact.Length; s++)
        {
            double z = (check.Estimates[s] - exact[s]) / check.StandardErrors[s];
            Assert.True(Math.Abs(z) <= 5, $"clone {SpikeMomentCheck.Names[s]} = {check.Estimates[s]:G6}, expected {exact[s]:G6}, batch-means SE {check.StandardErrors[s]:G3}: {z:F2} SE > 5");
        }
    }

    [Fact]
    public void Correlated_cross_moments_equal_the_closed_forms_of_the_science_note()
    {
        Assert.Equal(-0.771, new SkewedLatentLaw().CoupledCrossMoment, 3);
        Assert.Equal(2.52, new AlignedMixedCumulantModel(3, new RademacherLaw(), true).SubspaceCovariance[1, 2], 2);
        Assert.Equal(47, new ThreeMixtureLaw(0.01).Kappa4, 12);
        Assert.Equal(Math.Sqrt(2 * 0.01), new ThreeMixtureLaw(0.01).Expectation(Math.Abs), 12);
        // E|ν| of the unit-variance t: closed form against quadrature of its density.
        var t = new StudentTLaw(10);
        Assert.Equal(t.Expectation(Math.Abs), t.MeanAbsoluteValue, 8);
        Assert.Equal(1, t.Expectation(v => v * v), 8);
        Assert.Equal(3 + t.Kappa4, t.Expectation(v => v * v * v * v), 6);
    }

    [Fact]
    public void Mean_clone_matches_the_trace_of_the_covariance()
    {
        var model = new AlignedMixedCumulantModel(10, new RademacherLaw(), false);
        var clone = MeanClone.TraceMatched(model);
        Assert.Equal((10 + 1 + 8) / 10.0, clone.Variance, 12);
        Assert.Equal(model.Covariance().Trace(), model.CovarianceTrace, 12);
    }

    [Fact]
    public void Bad_parameters_throw_naming_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ThreeMixtureLaw(0.6));
        Assert.Equal(0.6, e.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedMixedCumulantModel(2, new RademacherLaw(), false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudentTLaw(4));
        Assert.Throws<ArgumentException>(() => new WhitenedMixedCumulantModel(3, [1, 0, 0], [1, 0, 0], [0, 0, 1], 1, 1, 1, new RademacherLaw(), false));
    }
}
