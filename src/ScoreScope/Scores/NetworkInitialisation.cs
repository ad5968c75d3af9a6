using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Seeded re-initialisation of linear and convolutional layers (TorchSharp's constructors draw from the global RNG, which
/// ScoreScope never relies on): weights and biases ~ U(−1/√fan_in, 1/√fan_in), PyTorch's default bounds. GroupNorm's
/// affine parameters are set to PyTorch's defaults γ = 1, β = 0 explicitly: TorchSharp 0.107's <c>nn.GroupNorm</c> leaves
/// them uninitialised (whatever the allocator returns — measured: NaN or values up to 3·10³² in 3 of 5 fresh modules),
/// which made every U-Net's output NaN or huge at random.
/// </summary>
static class NetworkInitialisation
{
    public static void Reset(nn.Module module, Generator generator)
    {
        using var _ = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Linear linear:
                    Fill(linear.weight!, linear.bias, linear.weight!.shape[1], generator);
                    break;
                case Conv2d conv:
                    var w = conv.weight!;
                    Fill(w, conv.bias, w.shape[1] * w.shape[2] * w.shape[3], generator);
                    break;
                case GroupNorm norm:
                    norm.weight?.FillInPlace(1.0);
                    norm.bias?.zero_();
                    break;
            }
        }
    }

    public static void Zero(Linear linear)
    {
        using var _ = no_grad();
        linear.weight!.zero_();
        linear.bias?.zero_();
    }

    public static void Zero(Conv2d conv)
    {
        using var _ = no_grad();
        conv.weight!.zero_();
        conv.bias?.zero_();
    }

    static void Fill(Tensor weight, Tensor? bias, long fanIn, Generator generator)
    {
        double bound = 1.0 / Math.Sqrt(fanIn);
        using var scope = NewDisposeScope();
        weight.copy_(rand(weight.shape, dtype: ScalarType.Float64, generator: generator).MultiplyInPlace(2 * bound).SubtractInPlace(bound));
        bias?.copy_(rand(bias.shape, dtype: ScalarType.Float64, generator: generator).MultiplyInPlace(2 * bound).SubtractInPlace(bound));
    }
}
