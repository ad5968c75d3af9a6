using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Spectra;

/// <summary>
/// Jacobians J = ∇ₓ s(x, t) of a score at a batch of points, float64 [B, D, D] with J[b, i, j] = ∂s_i/∂x_j
/// (Ventura et al. 2024, arXiv 2410.05898, §1.3 of docs/science/spectral-gaps.md): in closed form for a linear Gaussian manifold and
/// by reverse-mode autograd for any differentiable score (one vector–Jacobian product per output dimension, each over
/// the whole batch, sharing one forward pass).
/// </summary>
public static class ScoreJacobians
{
    /// <summary>
    /// The exact Jacobian −(a²C + b²I)⁻¹ of a linear Gaussian manifold at time t of <paramref name="process"/>
    /// (a = A(t), b = B(t)), repeated for <paramref name="count"/> points (it does not depend on x), [count, D, D].
    /// </summary>
    public static Tensor Exact(SubspaceGaussianDistribution distribution, ForwardProcess process, double t, long count)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(process);
        using var scope = NewDisposeScope();
        var j = distribution.ScoreJacobian(process.A(t), process.B(t));
        return j.unsqueeze(0).expand(count, -1, -1).clone().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The Jacobian of a learned score at a common time t, by autograd through the network (float64 input and
    /// coefficients, float32 network), [B, D, D] float64.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="x"/> is not [B, D].</exception>
    public static Tensor Autograd(ScoreModel model, Tensor x, double t)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckBatch(x);
        using var scope = NewDisposeScope();
        var times = ScalarArithmetic.Full([x.shape[0]], t, ScalarType.Float64);
        return Autograd(input => model.Score(input, times), x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The Jacobian of a score function at a common time t by autograd. A <see cref="ScoreModel"/> is differentiated
    /// through its network; any other <see cref="IScoreFunction"/> must build its result from differentiable tensor
    /// operations (as <see cref="ExactScore"/> of a Gaussian does).
    /// </summary>
    /// <exception cref="ArgumentException">When the score is not differentiable or x is not [B, D].</exception>
    public static Tensor Autograd(IScoreFunction score, Tensor x, double t)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score is ScoreModel model ? Autograd(model, x, t) : Autograd(input => score.Score(input, t), x);
    }

    /// <summary>
    /// The Jacobian of a per-point function f: [B, D] → [B, D] whose output row b depends only on input row b, by D
    /// vector–Jacobian products e_iᵀJ over the whole batch after one forward pass, [B, D, D] float64.
    /// </summary>
    /// <exception cref="ArgumentException">When x is not [B, D] or f's output is not differentiable [B, D].</exception>
    public static Tensor Autograd(Func<Tensor, Tensor> function, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(function);
        CheckBatch(x);
        using var scope = NewDisposeScope();
        using var _ = enable_grad();
        var input = x.to_type(ScalarType.Float64).detach().requires_grad_(true);
        var output = function(input);
        if (output.dim() != 2 || output.shape[0] != x.shape[0] || output.shape[1] != x.shape[1] || !output.requires_grad)
            throw new ArgumentException(
                $"the score must map [B, D] to a differentiable [B, D]; got {Shapes.Format(output)} (requires_grad = {output.requires_grad}) for x {Shapes.Format(x)}.",
                nameof(function));
        long d = x.shape[1];
        var rows = new Tensor[d];
        for (long i = 0; i < d; i++)
        {
            var grad = TorchSharp.torch.autograd.grad([output[.., (int)i].sum()], [input], retain_graph: i < d - 1)[0];
            rows[i] = grad.detach().to_type(ScalarType.Float64);
        }
        return stack(rows, 1).MoveToOuterDisposeScope();
    }

    static void CheckBatch(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[0] < 1)
            throw new ArgumentException($"expected a batch of points [B, D]; got {Shapes.Format(x)}.", nameof(x));
    }
}
