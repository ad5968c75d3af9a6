using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Maps a per-sample noise condition c of shape [B] to features [B, <see cref="Dimension"/>] (see
/// <see cref="TimeEmbeddingKind"/>). The frequencies are a registered buffer, so they are saved with the weights.
/// </summary>
public sealed class TimeEmbedding : nn.Module<Tensor, Tensor>
{
    readonly Tensor frequencies;
    readonly TimeEmbeddingKind _kind;

    /// <summary>Creates the embedding.</summary>
    /// <param name="dimension">Even output dimension (half sines, half cosines).</param>
    /// <param name="kind">Sinusoidal or Gaussian-Fourier.</param>
    /// <param name="scale">ω_max for sinusoidal features; the standard deviation of w for Gaussian-Fourier features.</param>
    /// <param name="generator">Draws the Gaussian-Fourier frequencies (unused for sinusoidal features).</param>
    /// <exception cref="ArgumentOutOfRangeException">When the dimension is odd or &lt; 2, or the scale is not positive.</exception>
    public TimeEmbedding(int dimension, TimeEmbeddingKind kind, double scale, Generator generator) : base(nameof(TimeEmbedding))
    {
        if (dimension < 2 || dimension % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The embedding dimension must be even and ≥ 2.");
        if (!(scale > 0) || !double.IsFinite(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The embedding scale must be finite and > 0.");
        Dimension = dimension;
        _kind = kind;
        int half = dimension / 2;
        using (no_grad())
        {
            if (kind == TimeEmbeddingKind.Sinusoidal)
            {
                var w = new float[half];
                for (int k = 0; k < half; k++) w[k] = (float)Math.Pow(scale, half == 1 ? 0 : k / (double)(half - 1));
                frequencies = tensor(w, dtype: ScalarType.Float32);
            }
            else
            {
                frequencies = (randn(new long[] { half }, dtype: ScalarType.Float64, generator: generator).Multiply(2 * Math.PI * scale))
                    .to_type(ScalarType.Float32);
            }
        }
        RegisterComponents();
    }

    /// <summary>The number of output features.</summary>
    public int Dimension { get; }

    /// <summary>The embedding kind.</summary>
    public TimeEmbeddingKind Kind => _kind;

    /// <summary>Embeds c [B] (any float dtype) into [B, Dimension] float32 features.</summary>
    public override Tensor forward(Tensor condition)
    {
        if (condition.dim() != 1)
            throw new ArgumentException($"The noise condition must have shape [B]; got {Shapes.Format(condition)}.", nameof(condition));
        using var scope = NewDisposeScope();
        var phase = condition.to_type(ScalarType.Float32).unsqueeze(1) * frequencies.unsqueeze(0);
        return cat(new[] { phase.sin(), phase.cos() }, 1).MoveToOuterDisposeScope();
    }
}
