using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Spectra;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Spectra;

public sealed class ScoreMatrixSvdTests
{
    const ulong Seed = 20241008;

    // docs/science/spectral-gaps.md §5 oracle 4: the symmetrised score matrix gives exactly the singular values of b²J.
    [Theory]
    [InlineData(ScoreMatrixVariant.Symmetrised)]
    [InlineData(ScoreMatrixVariant.DropLeading)]
    public void Score_matrix_singular_values_agree_with_the_exact_spectrum(ScoreMatrixVariant variant)
    {
        var process = VarianceExplodingProcess.Geometric();
        using var factorGenerator = Seeds.Generator(Seed);
        using var pointGenerator = Seeds.Generator(Seed + 1);
        using var probeGenerator = Seeds.Generator(Seed + 2);
        using var data = SubspaceGaussianDistribution.RandomFactor(100, [new VarianceBlock(40, 1.0)], factorGenerator);
        using var scope = NewDisposeScope();
        const double time = 0.4;
        double b = process.B(time), t = b * b;
        // DropLeading is exact only where the rank-one term s(x) vanishes (here at the mean x = 0): elsewhere s(x)
        // mixes into the spectrum and the dropped value is not an orthogonal one. Symmetrised is exact everywhere.
        var points = variant == ScoreMatrixVariant.Symmetrised
            ? data.Sample(3, pointGenerator)
            : zeros(3, 100, dtype: ScalarType.Float64);
        var values = ScoreMatrixSvd.NormalisedSingularValues(data.ScoreFunction(process), points, time, b, probeGenerator, variant);
        var lambda = data.CovarianceEigenvalues.data<double>().ToArray();
        var exact = Enumerable.Repeat(1.0, 60).Concat(lambda.Select(l => t / (t + l))).Order().ToArray();
        // DropLeading loses one orthogonal value (the leading one) and divides by the max (here 1).
        var expected = variant == ScoreMatrixVariant.Symmetrised ? exact : exact[..^1];
        Assert.Equal(new long[] { 3, expected.Length }, values.shape);
        for (int p = 0; p < 3; p++)
        {
            var v = values[p].data<double>().ToArray();
            double error = v.Zip(expected, (x, y) => Math.Abs(x - y)).Max();
            Assert.True(error < 1e-6, $"{variant}, point {p}: max |s − s_exact| = {error:G3}");
        }
    }
}
