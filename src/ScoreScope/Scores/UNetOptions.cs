namespace ScoreScope.Scores;

/// <summary>Sizes of a <see cref="UNetScoreNetwork"/> (JSON discriminator <c>"unet"</c>).</summary>
/// <param name="BaseChannels">Channels at the finest resolution.</param>
/// <param name="ChannelMultipliers">Channel multiplier per resolution level; its length is the depth (levels − 1 downsamplings).</param>
/// <param name="BlocksPerLevel">Residual blocks per level on the way down (and up).</param>
/// <param name="Groups">GroupNorm groups (reduced to a divisor of the channel count when needed).</param>
/// <param name="CircularPadding">Pad convolutions circularly, for fields on periodic lattices.</param>
/// <param name="EmbeddingDimension">Dimension of the time embedding (even).</param>
/// <param name="Embedding">Sinusoidal or Gaussian-Fourier time features.</param>
/// <param name="EmbeddingScale">ω_max (sinusoidal) or the frequency standard deviation (Gaussian-Fourier).</param>
public sealed record UNetOptions(
    int BaseChannels = 32,
    int[]? ChannelMultipliers = null,
    int BlocksPerLevel = 1,
    int Groups = 8,
    bool CircularPadding = false,
    int EmbeddingDimension = 64,
    TimeEmbeddingKind Embedding = TimeEmbeddingKind.Sinusoidal,
    double EmbeddingScale = 100.0) : NetworkOptions
{
    /// <summary>The channel multipliers, defaulting to [1, 2].</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int[] ResolvedChannelMultipliers => ChannelMultipliers ?? [1, 2];

    /// <inheritdoc/>
    public override ScoreNetwork Build(long[] eventShape, TorchSharp.torch.Generator generator) =>
        new UNetScoreNetwork(eventShape, this, generator);
}
