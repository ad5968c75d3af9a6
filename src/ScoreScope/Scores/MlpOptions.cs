namespace ScoreScope.Scores;

/// <summary>Sizes of a <see cref="MlpScoreNetwork"/> (JSON discriminator <c>"mlp"</c>).</summary>
/// <param name="Width">Hidden width of every residual block.</param>
/// <param name="Depth">Number of residual blocks.</param>
/// <param name="EmbeddingDimension">Dimension of the time embedding (even).</param>
/// <param name="Embedding">Sinusoidal or Gaussian-Fourier time features.</param>
/// <param name="EmbeddingScale">ω_max (sinusoidal) or the frequency standard deviation (Gaussian-Fourier).</param>
public sealed record MlpOptions(
    int Width = 128,
    int Depth = 3,
    int EmbeddingDimension = 64,
    TimeEmbeddingKind Embedding = TimeEmbeddingKind.Sinusoidal,
    double EmbeddingScale = 100.0) : NetworkOptions
{
    /// <inheritdoc/>
    public override ScoreNetwork Build(long[] eventShape, TorchSharp.torch.Generator generator) =>
        new MlpScoreNetwork(eventShape, this, generator);
}
