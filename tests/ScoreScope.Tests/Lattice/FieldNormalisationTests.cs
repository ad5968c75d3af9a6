using ScoreScope.Lattice;

namespace ScoreScope.Tests.Lattice;

/// <summary>The min–max normalisation is recorded, invertible, and scales cumulants by its factor.</summary>
public sealed class FieldNormalisationTests
{
    [Fact]
    public void Min_max_maps_to_minus_one_one_and_back_and_scales_site_cumulants()
    {
        var lattice = new HypercubicLattice(4, 2);
        var random = new ChainRandom(5);
        var values = Enumerable.Range(0, 64 * lattice.Volume).Select(_ => 3 * random.NextGaussian() + 0.5 * random.NextDouble()).ToArray();
        var normalisation = FieldNormalisation.MinMax(values);
        var ensemble = new FieldEnsemble(values, lattice, replicas: 1);
        var normalised = ensemble.Normalised(normalisation);
        Assert.Equal(-1, normalised.Values.Min(), 12);
        Assert.Equal(1, normalised.Values.Max(), 12);
        for (int i = 0; i < values.Length; i += 97) Assert.Equal(values[i], normalisation.Inverse(normalised.Values[i]), 12);
        var physical = LatticeObservables.Measure(ensemble);
        var paper = LatticeObservables.Measure(normalised);
        for (int n = 2; n <= 8; n++)
            Assert.True(Math.Abs(paper[$"kappa{n}"].Value - Math.Pow(normalisation.Scale, n) * physical[$"kappa{n}"].Value) <= 1e-9 * Math.Abs(paper[$"kappa{n}"].Value) + 1e-12,
                $"κ{n}: {paper[$"kappa{n}"].Value} vs scale^{n}·{physical[$"kappa{n}"].Value}");
    }
}
