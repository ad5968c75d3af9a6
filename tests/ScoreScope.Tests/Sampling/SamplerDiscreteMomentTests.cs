using ScoreScope.Analysis;
using ScoreScope.Numerics;
using ScoreScope.Sampling;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

/// <summary>
/// Implementation check of every sampler with a closed-form step on coarse grids, where discretisation errors are
/// large: for the 10-D Gaussian the exact output moments of the discrete sampler are known
/// (<see cref="GaussianMomentPropagation"/>), so in Σ's eigenbasis the sample means, variances and (zero)
/// covariances must match them within 4 SE, N = 2·10⁴. A wrong coefficient anywhere in a step shows up here even
/// when it would hide inside the discretisation bias of a fine grid.
/// </summary>
[Trait("Category", "Statistical")]
public sealed class SamplerDiscreteMomentTests(ITestOutputHelper output)
{
    const ulong Seed = 20251126;
    const long SampleCount = 20_000;
    const double Z = 4.0;

    [Theory]
    [InlineData("euler-maruyama", "ve", TimeGridKind.Uniform, 12)]
    [InlineData("euler-maruyama", "vp", TimeGridKind.Karras, 12)]
    [InlineData("ancestral", "ve", TimeGridKind.Geometric, 12)]
    [InlineData("ancestral", "vp", TimeGridKind.Uniform, 12)]
    [InlineData("heun", "ve", TimeGridKind.Uniform, 8)]
    [InlineData("heun", "vp", TimeGridKind.LogSpaced, 8)]
    [InlineData("euler", "ve", TimeGridKind.Karras, 12)]
    [InlineData("euler", "vp", TimeGridKind.Uniform, 12)]
    public void Sample_moments_equal_the_exact_moments_of_the_discrete_sampler(string samplerName, string processName, TimeGridKind grid, int steps)
    {
        // Given
        var process = SamplingFixtures.Process(processName);
        using var gaussian = SamplingFixtures.Gaussian10();
        ISampler sampler = samplerName switch
        {
            "euler-maruyama" => new EulerMaruyamaSampler(),
            "ancestral" => new AncestralSampler(),
            "heun" => new ProbabilityFlowHeunSampler(),
            _ => new ProbabilityFlowEulerSampler(),
        };
        var times = TimeGrid.Create(grid, process, steps);
        using var scope = NewDisposeScope();
        var lambda = gaussian.Eigenvalues.data<double>().ToArray();
        var mu = gaussian.Mean.matmul(gaussian.Eigenvectors).data<double>().ToArray();
        var expected = lambda.Select((l, k) => GaussianMomentPropagation.Propagate(samplerName, process, l, mu[k], times)).ToArray();

        // When
        var samples = SamplerRunner.Sample(sampler, gaussian.ScoreFunction(process), process, SampleCount, [10], times,
            new SamplingOptions(Seed) { BatchSize = (int)SampleCount });
        var rotated = samples.matmul(gaussian.Eigenvectors);

        // Then
        var mean = tensor(expected.Select(e => e.Mean).ToArray(), dtype: ScalarType.Float64);
        var covariance = diag(tensor(expected.Select(e => e.Variance).ToArray(), dtype: ScalarType.Float64));
        double meanZ = SampleMoments.MeanError(rotated, mean).Max(e => Math.Abs(e.StandardScore()));
        double covZ = SampleMoments.CovarianceError(rotated, covariance).Cast<Estimate>().Max(e => Math.Abs(e.StandardScore()));
        double tMin = times[^1];
        double worstBias = expected.Select((e, k) => Math.Abs(e.Variance / (process.A(tMin) * process.A(tMin) * lambda[k] + process.B(tMin) * process.B(tMin)) - 1)).Max();
        output.WriteLine($"{sampler} under {process}, {grid}-{steps}: max |z| mean {meanZ:F2}, covariance {covZ:F2}; " +
            $"largest relative variance bias of the discrete sampler {worstBias:P1}");
        Assert.True(meanZ <= Z, $"a mean differs from the discrete-sampler oracle by {meanZ:F2} SE > {Z} SE (N = {SampleCount})");
        Assert.True(covZ <= Z, $"a covariance differs from the discrete-sampler oracle by {covZ:F2} SE > {Z} SE (N = {SampleCount})");
    }
}
