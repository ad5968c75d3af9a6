using ScoreScope.Numerics;

namespace ScoreScope.Data;

/// <summary>
/// A serialisable random linear Gaussian manifold (<see cref="SubspaceGaussianDistribution.RandomFactor"/>): written as
/// <c>manifold.json</c> next to a trained model so that <c>scorescope spectra</c> can rebuild the data, draw points on
/// it and overlay the exact spectrum.
/// </summary>
/// <param name="AmbientDimension">D.</param>
/// <param name="Blocks">The variance blocks (m_k, σ_k).</param>
/// <param name="Seed">The seed F is drawn from.</param>
public sealed record LinearManifoldSpec(int AmbientDimension, VarianceBlock[] Blocks, ulong Seed)
{
    /// <summary>The file name used next to a model.</summary>
    public const string FileName = "manifold.json";

    /// <summary>Draws the manifold.</summary>
    public SubspaceGaussianDistribution Build()
    {
        using var generator = Seeds.Generator(Seed);
        return SubspaceGaussianDistribution.RandomFactor(AmbientDimension, Blocks, generator);
    }

    /// <summary>A short description, e.g. <c>D = 100, blocks (20, σ 1), (20, σ 0.3)</c>.</summary>
    public override string ToString() =>
        $"D = {AmbientDimension}, blocks {string.Join(", ", Blocks.Select(b => FormattableString.Invariant($"({b.Dimension}, σ {b.StandardDeviation})")))}";
}
