using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Per-sample coefficients of a <see cref="ScoreModel"/> at times t [B] (all [B] float64): the marginal a(t), b(t),
/// the input scale c_in, the noise condition c, and α, β with s = α·x + β·F(c_in·x, c). Disposing releases the tensors.
/// </summary>
/// <param name="A">a(t).</param>
/// <param name="B">b(t).</param>
/// <param name="InputScale">c_in.</param>
/// <param name="Condition">The noise condition c.</param>
/// <param name="ScoreFromInput">α.</param>
/// <param name="ScoreFromOutput">β.</param>
public sealed record ModelCoefficients(Tensor A, Tensor B, Tensor InputScale, Tensor Condition, Tensor ScoreFromInput, Tensor ScoreFromOutput)
    : IDisposable
{
    /// <summary>Disposes the six tensors.</summary>
    public void Dispose()
    {
        A.Dispose(); B.Dispose(); InputScale.Dispose(); Condition.Dispose(); ScoreFromInput.Dispose(); ScoreFromOutput.Dispose();
    }
}
