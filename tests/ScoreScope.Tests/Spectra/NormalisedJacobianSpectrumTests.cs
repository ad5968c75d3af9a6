using ScoreScope.Spectra;

namespace ScoreScope.Tests.Spectra;

public sealed class NormalisedJacobianSpectrumTests
{
    // docs/science/spectral-gaps.md §2.2: the tangent part carries mass c = m/d, the rest is the spike at −1; the gaps between the
    // mapped bulks are the manifold and intermediate gaps.
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2271)]
    [InlineData(5.0)]
    public void Tangent_density_has_mass_c_on_the_mapped_bulks_whose_gaps_are_the_theory_gaps(double t)
    {
        double[] w = [0.5, 0.5], tau = [1.0, 0.09];
        var bulks = NormalisedJacobianSpectrum.TangentBulks(t, 0.4, w, tau);
        var support = GeneralizedMarchenkoPastur.Support(0.4, w, tau);
        Assert.Equal(2, bulks.Count);
        double mass = bulks.Sum(b => SupportIntegrals.Moments(nu => NormalisedJacobianSpectrum.TangentDensity(nu, t, 0.4, w, tau), b).Mass);
        Assert.Equal(0.4, mass, 1e-6);
        Assert.Equal(SpectralGaps.ManifoldGap(t, support[0].Lower), bulks[0].Lower - -1.0, 12);
        Assert.Equal(SpectralGaps.IntermediateGap(t, support[0].Upper, support[1].Lower), bulks[1].Lower - bulks[0].Upper, 12);
    }
}
