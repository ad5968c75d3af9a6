using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019, Algorithm 2: decoupled weight decay) exactly as TorchSharp 0.107's
/// <see cref="Adam"/> computes it — the same kernels in the same order, so parameters and moments are bit-identical —
/// but with every TorchSharp <see cref="Scalar"/> (β₁, β₂, 1 − β, ε, the step size) held alive across the native call.
/// </summary>
/// <remarks>
/// TorchSharp's own <c>AdamW.step</c> passes implicitly converted scalars (<c>exp_avg.mul_(beta1)</c>, …) that the
/// garbage collector can finalise while libtorch reads them (use-after-free; TorchSharp pull requests #1434, #1496).
/// This subclass keeps TorchSharp's state, parameter groups and <c>save_state_dict</c>/<c>load_state_dict</c> format
/// unchanged and replaces only <see cref="step"/>.
/// </remarks>
public sealed class HeldScalarAdamW : AdamW
{
    /// <summary>Creates the optimizer; the arguments are those of TorchSharp's <see cref="AdamW"/> constructor.</summary>
    public HeldScalarAdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : base(parameters, lr, beta1, beta2, eps, weightDecay)
    {
    }

    /// <summary>One AdamW update of every parameter that has a gradient.</summary>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, weightDecay = options.weight_decay!.Value;
        double eps = options.eps!.Value, lr = options.LearningRate!.Value;
        bool amsgrad = options.amsgrad!.Value, maximize = options.maximize!.Value;
        foreach (var param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            var grad = param.grad;
            if (grad is null) continue;
            if (maximize) grad = grad.neg();
            state.step += 1;
            param.MultiplyInPlace(1 - lr * weightDecay);
            double biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            double biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            state.exp_avg.MultiplyInPlace(beta1).AddScaledInPlace(grad, 1 - beta1);
            state.exp_avg_sq.MultiplyInPlace(beta2).AddProductInPlace(grad, grad, 1 - beta2);
            Tensor denominator;
            if (amsgrad)
            {
                var previous = state.max_exp_avg_sq;
                state.max_exp_avg_sq = maximum(previous, state.exp_avg_sq).DetachFromDisposeScope();
                previous.Dispose();
                denominator = state.max_exp_avg_sq.sqrt().Divide(Math.Sqrt(biasCorrection2)).AddInPlace(eps);
            }
            else
            {
                denominator = state.exp_avg_sq.sqrt().Divide(Math.Sqrt(biasCorrection2)).AddInPlace(eps);
            }
            param.AddQuotientInPlace(state.exp_avg, denominator, -(lr / biasCorrection1));
        }
    }, closure);
}
