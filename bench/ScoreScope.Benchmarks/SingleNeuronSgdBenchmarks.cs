using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ScoreScope.Data.MixedCumulant;
using ScoreScope.Numerics;
using ScoreScope.SimplicityBias;

namespace ScoreScope.Benchmarks;

/// <summary>
/// Does one online spherical-SGD step of the single tied neuron (d = 256, batch 1, fresh MCM sample and fresh noise,
/// escape check) reach ≥ 30% of the machine's FLOP-bound rate for its loop, measured in the same run (issue 15)?
/// The bound: every vector of the step is L1-resident (w, its gradient, a, z, x, r and the draw buffers: ≈ 16 KB), so
/// memory bandwidth does not bound it; the step is length-d multiply–add work plus the Gaussian draws, and the
/// baseline <see cref="FlopBoundOfOneStep"/> measures this machine's rate for length-d multiply–adds over L1-resident
/// vectors (15 TensorPrimitives.MultiplyAdd calls of length d, 30·d flops, the access pattern of the step's axpys: two
/// loads and a store per element). Flops credited to a step: its 28·d vector arithmetic — x = αa + δz (3d),
/// r = s·x − z (2d), w·x (2d), r += g·w (2d), ‖r‖² (2d), r·x (2d), w·r (2d), two gradient axpys (4d), the update (2d),
/// the row norm and scale (3d), the escape check's norm and dot (4d). Its 2d standard normal draws (d for the sample,
/// d for the noise) are part of the loop (fresh samples every step) but are credited with no flops: they come from
/// <see cref="ZigguratNormal"/>, whose fast path (≈ 98.5% of draws) is bit operations, two table loads, a subtraction,
/// a product and a comparison — so the column is a lower bound on the step's arithmetic rate.
/// <see cref="SingleNeuronStep"/> uses <see cref="Xoshiro256Random"/>, the generator of
/// <see cref="TeacherStudentExperiment"/>;
/// <see cref="SingleNeuronStepSystemRandom"/> a seeded <see cref="Random"/>, whose draws are Box–Muller (same vector work).
/// <see cref="NormalDraws"/> times the 2d ziggurat draws alone (credited 0 flops).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GigaflopsConfig))]
public class SingleNeuronSgdBenchmarks
{
    const int Steps = 1000;
    const int BaselineMultiplyAdds = 15;
    const double VectorFlopsPerCoordinate = 28;

    /// <summary>The dimension of the GFLOP/s columns (which see only the method name).</summary>
    const int ReportedDimension = 256;

    [Params(ReportedDimension)]
    public int Dimension { get; set; }

    AlignedMixedCumulantModel _model = null!;
    TwoLayerDenoiser _net = null!, _systemRandomNet = null!;
    Random _random = null!, _systemRandom = null!;
    double[] _a = [], _b = [], _c = [], _normals = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = new AlignedMixedCumulantModel(Dimension, new ThreeMixtureLaw(0.05), false, covarianceSpikeVariance: 1, meanShift: 0);
        var options = new TeacherStudentOptions
        {
            Optimizer = DenoiserOptimizer.SphericalSgd, LearningRate = 0.01, LearnSkip = false, InitialSkip = 0.67, TestSize = 0,
        };
        _random = new Xoshiro256Random(256);
        _net = new TwoLayerDenoiser(Dimension, options, _random);
        _systemRandom = new Random(256);
        _systemRandomNet = new TwoLayerDenoiser(Dimension, options, _systemRandom);
        _a = new double[Dimension];
        _b = new double[Dimension];
        _c = new double[Dimension];
        _normals = new double[2 * Dimension];
        StandardNormalDraws.Fill(_random, _a);
        StandardNormalDraws.Fill(_random, _b);
    }

    /// <summary>The flop count of one operation (one step) of a benchmark method, by method name, at dimension d.</summary>
    public static double FlopCount(string method, int dimension) => method switch
    {
        nameof(FlopBoundOfOneStep) => 2.0 * BaselineMultiplyAdds * dimension,
        nameof(NormalDraws) => 0,
        nameof(SingleNeuronStep) or nameof(SingleNeuronStepSystemRandom) => VectorFlopsPerCoordinate * dimension,
        _ => double.NaN,
    };

    /// <summary>30·d flops as fused multiply–adds (2 flops per element per call) on L1-resident vectors.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public double FlopBoundOfOneStep()
    {
        for (int s = 0; s < Steps; s++)
            for (int k = 0; k < BaselineMultiplyAdds; k++) TensorPrimitives.MultiplyAdd(_a, 1e-9, _b, _c);
        return _c[0];
    }

    /// <summary>The 2d standard normal draws one step needs (data and noise), from <see cref="Xoshiro256Random"/>.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double NormalDraws()
    {
        for (int s = 0; s < Steps; s++) StandardNormalDraws.Fill(_random, _normals);
        return _normals[0];
    }

    /// <summary>One spherical-SGD step on a fresh sample, plus the escape check (overlap with the cumulant spike).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double SingleNeuronStep() => Run(_net, _random);

    /// <summary>The same step drawing from a seeded <see cref="Random"/>.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double SingleNeuronStepSystemRandom() => Run(_systemRandomNet, _systemRandom);

    double Run(TwoLayerDenoiser net, Random random)
    {
        double overlap = 0;
        for (int s = 0; s < Steps; s++)
        {
            net.Step(_model, random);
            overlap = net.Overlap(_model.Direction(MixedCumulantSpike.Cumulant));
        }
        return overlap;
    }

    sealed class GigaflopsConfig : ManualConfig
    {
        public GigaflopsConfig()
        {
            AddColumn(new GigaflopsColumn(m => FlopCount(m, ReportedDimension)), new GigaflopsRatioColumn(m => FlopCount(m, ReportedDimension)));
        }
    }
}
