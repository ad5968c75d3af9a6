using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using ScoreScope.Data.MixedCumulant;
using ScoreScope.Numerics;
using ScoreScope.SimplicityBias;

namespace ScoreScope.Benchmarks;

/// <summary>
/// How close does one online spherical-SGD step of the single tied neuron (d = 256, batch 1, fresh MCM sample, escape
/// check) come to the machine's FLOP bound for its arithmetic? The baseline does the same number of floating-point
/// operations as the step's vector arithmetic (≈ 29·d: 2 axpy for x, 2 for r, 4 dots, 3 axpy for the gradient and
/// update, a norm and a scale for the projection, a norm and a dot for the overlap) as back-to-back fused
/// multiply–adds over L1-resident vectors of the same length — the measured peak for length-d vector operations
/// in the same run. <see cref="NormalDraws"/> is the step's other unavoidable cost, its 2d standard normal draws.
/// </summary>
[MemoryDiagnoser]
public class SingleNeuronSgdBenchmarks
{
    const int Steps = 1000;
    const int FlopsPerElement = 29;

    [Params(256)]
    public int Dimension { get; set; }

    AlignedMixedCumulantModel _model = null!;
    TwoLayerDenoiser _net = null!;
    Random _random = null!;
    double[] _a = [], _b = [], _c = [], _normals = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = new AlignedMixedCumulantModel(Dimension, new ThreeMixtureLaw(0.05), false, covarianceSpikeVariance: 1, meanShift: 0);
        var options = new TeacherStudentOptions
        {
            Optimizer = DenoiserOptimizer.SphericalSgd, LearningRate = 0.01, LearnSkip = false, InitialSkip = 0.67, TestSize = 0,
        };
        _random = new Random(256);
        _net = new TwoLayerDenoiser(Dimension, options, _random);
        _a = new double[Dimension];
        _b = new double[Dimension];
        _c = new double[Dimension];
        _normals = new double[2 * Dimension];
        StandardNormalDraws.Fill(_random, _a);
        StandardNormalDraws.Fill(_random, _b);
    }

    /// <summary>29·d flops as fused multiply–adds (2 flops per element per call) on L1-resident vectors.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public double FlopBoundOfOneStep()
    {
        for (int s = 0; s < Steps; s++)
            for (int k = 0; k < (FlopsPerElement + 1) / 2; k++) TensorPrimitives.MultiplyAdd(_a, 1e-9, _b, _c);
        return _c[0];
    }

    /// <summary>The 2d standard normal draws one step needs (data and noise).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double NormalDraws()
    {
        for (int s = 0; s < Steps; s++) StandardNormalDraws.Fill(_random, _normals);
        return _normals[0];
    }

    /// <summary>One spherical-SGD step on a fresh sample, plus the escape check (overlap with the cumulant spike).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double SingleNeuronStep()
    {
        double overlap = 0;
        for (int s = 0; s < Steps; s++)
        {
            _net.Step(_model, _random);
            overlap = _net.Overlap(_model.Direction(MixedCumulantSpike.Cumulant));
        }
        return overlap;
    }
}
