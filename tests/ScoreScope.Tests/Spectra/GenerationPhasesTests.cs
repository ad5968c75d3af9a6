using ScoreScope.Spectra;

namespace ScoreScope.Tests.Spectra;

public sealed class GenerationPhasesTests
{
    static readonly SpectralInterval[] TwoBulks = [new(0.0176, 0.1577), new(0.3271, 2.1136)];

    [Fact]
    public void Phases_follow_trivial_coverage_consolidation_as_t_decreases()
    {
        const double threshold = 0.1;
        double trivial = GenerationPhases.TrivialPhaseTime(TwoBulks, threshold);
        double consolidation = GenerationPhases.ConsolidationPhaseTime(TwoBulks, threshold);
        Assert.Equal(2.1136 * 9, trivial, 12);
        Assert.Equal(0.0176 / 9, consolidation, 12);
        Assert.Equal(GenerationPhase.Trivial, GenerationPhases.Classify(trivial * 1.01, TwoBulks, threshold));
        Assert.Equal(GenerationPhase.ManifoldCoverage, GenerationPhases.Classify(trivial * 0.99, TwoBulks, threshold));
        Assert.Equal(GenerationPhase.ManifoldCoverage, GenerationPhases.Classify(0.2271, TwoBulks, threshold));
        Assert.Equal(GenerationPhase.ManifoldCoverage, GenerationPhases.Classify(consolidation * 1.01, TwoBulks, threshold));
        Assert.Equal(GenerationPhase.Consolidation, GenerationPhases.Classify(consolidation * 0.99, TwoBulks, threshold));
    }

    // At the boundaries the extreme normalised tangent eigenvalues sit exactly at the threshold distance from −1 and 0.
    [Fact]
    public void Boundaries_are_where_the_extreme_tangent_eigenvalues_reach_the_resolution()
    {
        const double threshold = 0.2;
        double trivial = GenerationPhases.TrivialPhaseTime(TwoBulks, threshold);
        Assert.Equal(threshold, SpectralGaps.NormalisedEigenvalue(trivial, 2.1136) - -1.0, 14);
        double consolidation = GenerationPhases.ConsolidationPhaseTime(TwoBulks, threshold);
        Assert.Equal(threshold, -SpectralGaps.NormalisedEigenvalue(consolidation, 0.0176), 14);
    }

    [Fact]
    public void Invalid_bulks_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => GenerationPhases.Classify(1, [], 0.1));
        Assert.Contains("0 < lower", Assert.Throws<ArgumentException>(() => GenerationPhases.Classify(1, [new SpectralInterval(0, 1)], 0.1)).Message);
    }
}
