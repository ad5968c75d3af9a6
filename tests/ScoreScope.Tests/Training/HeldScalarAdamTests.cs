using ScoreScope.Numerics;
using ScoreScope.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

/// <summary>HeldScalarAdam/AdamW against TorchSharp's Adam/AdamW: the same parameters, bit for bit, after many steps.</summary>
public sealed class HeldScalarAdamTests
{
    const ulong Seed = 77;

    static Parameter[] Parameters()
    {
        using var g = Seeds.Generator(Seed);
        return [new Parameter(randn([5, 3], generator: g)), new Parameter(randn([7], generator: g))];
    }

    static double[] Train(Func<Parameter[], OptimizerHelper> create)
    {
        var parameters = Parameters();
        using var optimizer = create(parameters);
        using var g = Seeds.Generator(Seed + 1);
        for (int step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = parameters.Select(p => p.mul(p).mul(randn(p.shape, generator: g)).sum()).Aggregate((a, b) => a.Add(b));
            loss.backward();
            optimizer.step();
        }
        return parameters.SelectMany(p => p.detach().to_type(ScalarType.Float64).flatten().data<double>().ToArray()).ToArray();
    }

    // TorchSharp's optimizers are banned (their step() frees scalars under GC); here they are the reference, run without GC pressure.
#pragma warning disable RS0030
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void Adam_updates_equal_TorchSharps_bit_for_bit(double weightDecay) =>
        Assert.Equal(Train(p => optim.Adam(p, 3e-3, 0.9, 0.99, 1e-8, weightDecay)), Train(p => new HeldScalarAdam(p, 3e-3, 0.9, 0.99, 1e-8, weightDecay)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void AdamW_updates_equal_TorchSharps_bit_for_bit(double weightDecay) =>
        Assert.Equal(Train(p => optim.AdamW(p, 3e-3, 0.9, 0.99, 1e-8, weightDecay)), Train(p => new HeldScalarAdamW(p, 3e-3, 0.9, 0.99, 1e-8, weightDecay)));
#pragma warning restore RS0030
}
