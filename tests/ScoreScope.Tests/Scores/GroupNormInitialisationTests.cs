using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Scores;

/// <summary>
/// TorchSharp 0.107's <c>nn.GroupNorm</c> leaves its affine parameters uninitialised; every U-Net must come out with
/// PyTorch's defaults γ = 1, β = 0, a finite output, and train without a NaN loss.
/// </summary>
public sealed class GroupNormInitialisationTests
{
    [Fact]
    public void Every_group_norm_of_a_fresh_unet_has_unit_scale_and_zero_shift()
    {
        for (int trial = 0; trial < 5; trial++) // fresh allocations: garbage showed up in 3 of 5 modules before the fix
        {
            using var generator = Seeds.Generator((ulong)trial);
            using var network = new UNetScoreNetwork([1, 8, 8], new UNetOptions(BaseChannels: 16, CircularPadding: true), generator);
            int norms = 0;
            foreach (var (name, module) in network.named_modules())
            {
                if (module is not GroupNorm norm) continue;
                norms++;
                Assert.True(norm.weight!.eq(ScalarArithmetic.Full(norm.weight.shape, 1.0, norm.weight.dtype)).all().item<bool>(), $"{name}.weight is not 1");
                Assert.True(norm.bias!.eq(zeros_like(norm.bias)).all().item<bool>(), $"{name}.bias is not 0");
            }
            Assert.True(norms >= 5, $"expected the U-Net's GroupNorms, found {norms}");
            using var x = randn([4, 1, 8, 8], generator: generator);
            using var condition = ScalarArithmetic.Full([4], 0.5, ScalarType.Float32);
            using var y = network.forward(x, condition);
            Assert.True(y.isfinite().all().item<bool>(), $"trial {trial}: a fresh U-Net's output is not finite");
        }
    }

    [Fact]
    public void A_unet_trains_without_a_nan_loss()
    {
        using var generator = Seeds.Generator(1);
        using var data = rand([128, 1, 8, 8], dtype: ScalarType.Float64, generator: generator).MultiplyInPlace(2.0).SubtractInPlace(1.0);
        var config = new ScoreModelConfig([1, 8, 8], ForwardProcessSpec.VarianceExplodingDiffusionBase(25),
            new UNetOptions(BaseChannels: 16, CircularPadding: true), ParametrisationKind.Edm);
        var options = new TrainingOptions { Steps = 10, BatchSize = 32, LearningRate = 1e-3, WarmupSteps = 2, Seed = 3, CheckpointEvery = 0, EvaluateEvery = 5, HeldOutSize = 32 };
        using var trainingData = new DatasetTrainingData(data);
        using var trainer = new Trainer(config, options, trainingData);
        var result = trainer.Run();
        Assert.True(result.Completed);
        Assert.True(double.IsFinite(result.LastMetrics!.TrainLoss), $"train loss {result.LastMetrics.TrainLoss}");
    }
}
