using BenchmarkDotNet.Attributes;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Benchmarks;

/// <summary>
/// Trainer steps/s against a bare TorchSharp loop on the same default MLP, batch (512 gmm8 samples), VP process and
/// AdamW optimizer. The bare loop does only what any training step must: sample data, times and noise, form x_t in
/// closed form, run the network on the standardised input, take the ε-loss, backward and step. The trainer adds the
/// EDM parametrisation bookkeeping, gradient clipping, the EMA update and per-bucket loss logging.
/// Each invocation runs <see cref="StepsPerInvoke"/> steps; BenchmarkDotNet reports time per step. Run with
/// <c>dotnet run -c Release --project bench/ScoreScope.Benchmarks -- --filter *TrainerBenchmarks*</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class TrainerBenchmarks
{
    const int StepsPerInvoke = 50;
    const int BatchSize = 512;

    GaussianMixtureDistribution _data = null!;
    Trainer _trainer = null!;
    MlpScoreNetwork _network = null!;
    optim.Optimizer _optimizer = null!;
    Generator _generator = null!;

    [GlobalSetup]
    public void Setup()
    {
        // One intra-op thread: on a shared 2-core machine libtorch's spinning OpenMP workers make 2-thread timings of
        // this small MLP erratic (and up to 10× slower under load); both loops run under the same setting.
        set_num_threads(1);
        _data = GaussianMixtureDistribution.Ring();
        var model = new ScoreModelConfig([2], ForwardProcessSpec.VariancePreservingLinear(), new MlpOptions());
        var options = new TrainingOptions { Steps = int.MaxValue, BatchSize = BatchSize, EvaluateEvery = int.MaxValue, HeldOutSize = BatchSize, CheckpointEvery = 0 };
        _trainer = new Trainer(model, options, new DistributionTrainingData(_data));

        using var generator = Seeds.Generator(1);
        _network = new MlpScoreNetwork([2], new MlpOptions(), generator);
        _optimizer = new HeldScalarAdamW(_network.parameters(), options.LearningRate);
        _generator = Seeds.Generator(2);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _trainer.Dispose();
        _optimizer.Dispose();
        _network.Dispose();
        _generator.Dispose();
        _data.Dispose();
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Description = "Trainer step")]
    public int TrainerStep() => _trainer.Run(stopAtStep: _trainer.Step + StepsPerInvoke).Step;

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke, Description = "Bare TorchSharp step")]
    public float BareStep()
    {
        float last = 0;
        for (int i = 0; i < StepsPerInvoke; i++)
        {
            using var scope = NewDisposeScope();
            var x0 = _data.Sample(BatchSize, _generator);
            var t = rand(new long[] { BatchSize }, dtype: ScalarType.Float64, generator: _generator).Multiply(0.999).Add(0.001);
            var z = randn(x0.shape, dtype: ScalarType.Float64, generator: _generator);
            var integral = t.Multiply(0.1).Add(t.Square().Multiply(0.5 * 19.9));              // ∫β for linear β(t) = 0.1 + 19.9 t
            var a = (integral.Multiply(-0.5)).exp().unsqueeze(1);
            var b = (-(-integral).expm1()).sqrt().unsqueeze(1);
            var xt = (x0 * a).Add(z * b);
            var input = (xt / (b.Square().Add(a.Square().Multiply(8.25))).sqrt()).to_type(ScalarType.Float32);
            var condition = (b / a).log().squeeze(1).Multiply(0.25).to_type(ScalarType.Float32);
            var loss = (_network.forward(input, condition) - z.to_type(ScalarType.Float32)).Square().mean();
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }
}
