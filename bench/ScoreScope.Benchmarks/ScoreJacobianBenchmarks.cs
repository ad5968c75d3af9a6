using BenchmarkDotNet.Attributes;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Spectra;
using static TorchSharp.torch;

namespace ScoreScope.Benchmarks;

/// <summary>
/// Issue 5 acceptance: do the Jacobians of the MLP score (the <c>reproduce spectra</c> network: width 256, depth 3, EDM,
/// VE) at 256 points in d = 100 cost ≤ 2× the time of 100 batched backward passes of the same MLP on the same batch?
/// Baseline: one forward pass of the score on the batch, then 100 backward passes of random vector–Jacobian products
/// (retaining the graph). <see cref="ScoreJacobians.Autograd(ScoreModel, Tensor, double)"/> does one forward and 100
/// backward passes (one per output dimension) and stacks the rows. A third row repeats forward + backward 100 times.
/// Run with <c>dotnet run -c Release --project bench/ScoreScope.Benchmarks -- --filter *ScoreJacobianBenchmarks*</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MedianColumn]
public class ScoreJacobianBenchmarks
{
    const int Points = 256, Dimension = 100;
    const double Time = 0.4;

    ScoreModel _model = null!;
    Tensor _x = null!;
    Tensor _times = null!;
    Tensor _directions = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(1);
        var config = new ScoreModelConfig([Dimension], ForwardProcessSpec.VarianceExplodingGeometric(), new MlpOptions(256, 3),
            ParametrisationKind.Edm, SigmaData: 0.6);
        _model = ScoreModel.Create(config, seed: 1);
        using var generator = Seeds.Generator(2);
        _x = randn([Points, Dimension], dtype: ScalarType.Float64, generator: generator).DetachFromDisposeScope();
        _times = ScalarArithmetic.Full([Points], Time, ScalarType.Float64).DetachFromDisposeScope();
        _directions = randn([Dimension, Points, Dimension], dtype: ScalarType.Float64, generator: generator).DetachFromDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _x.Dispose();
        _times.Dispose();
        _directions.Dispose();
    }

    [Benchmark(Description = "Jacobians (autograd, 256 × 100 × 100)")]
    public double Jacobians()
    {
        using var scope = NewDisposeScope();
        return ScoreJacobians.Autograd(_model, _x, Time)[0, 0, 0].item<double>();
    }

    [Benchmark(Baseline = true, Description = "1 forward + 100 backward passes")]
    public double BackwardPasses()
    {
        using var scope = NewDisposeScope();
        var input = _x.detach().requires_grad_(true);
        var score = _model.Score(input, _times);
        double last = 0;
        for (int i = 0; i < Dimension; i++)
        {
            var grad = autograd.grad([(score * _directions[i]).sum()], [input], retain_graph: i < Dimension - 1)[0];
            last = grad[0, 0].item<double>();
        }
        return last;
    }

    [Benchmark(Description = "100 × (forward + backward)")]
    public double ForwardBackwardPasses()
    {
        double last = 0;
        for (int i = 0; i < Dimension; i++)
        {
            using var scope = NewDisposeScope();
            var input = _x.detach().requires_grad_(true);
            var score = _model.Score(input, _times);
            var grad = autograd.grad([(score * _directions[i]).sum()], [input])[0];
            last = grad[0, 0].item<double>();
        }
        return last;
    }
}
