using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// What a sampler reports at the start of step <see cref="Index"/> (k-diffusion's callback dict as a typed record):
/// the state <see cref="X"/> at time <see cref="Time"/> = t_i and the denoised estimate
/// x̂₀ = (x + b(t)²·s(x, t))/a(t) (Tweedie's formula, Efron 2011). The final state is the sampler's return value.
/// </summary>
/// <remarks>
/// The tensors are valid only during the callback: they belong to the step's dispose scope. Call <c>clone()</c> (and
/// <c>DetachFromDisposeScope()</c>) to keep them.
/// </remarks>
/// <param name="Index">Step index i, 0 ≤ i &lt; N.</param>
/// <param name="Time">The time t_i of the state.</param>
/// <param name="X">The state x at t_i, [B, …event] float64.</param>
/// <param name="Denoised">The denoised estimate x̂₀ at t_i, [B, …event] float64.</param>
public sealed record SamplerStep(int Index, double Time, Tensor X, Tensor Denoised)
{
    /// <summary>Global index of the batch's first sample (set by <see cref="SamplerRunner"/>; 0 for a direct call).</summary>
    public long FirstSample { get; init; }
}
