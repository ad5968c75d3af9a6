using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>Per-sample losses [B] (float32, differentiable) and the times [B] (float64) they were drawn at. Disposing releases both.</summary>
/// <param name="Loss">The per-sample losses.</param>
/// <param name="Time">The per-sample times.</param>
public sealed record LossSample(Tensor Loss, Tensor Time) : IDisposable
{
    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Loss.Dispose();
        Time.Dispose();
    }
}
