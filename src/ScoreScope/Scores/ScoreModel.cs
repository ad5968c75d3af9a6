using ScoreScope.Numerics;
using ScoreScope.Processes;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// A learned score: a float32 <see cref="ScoreNetwork"/>, a <see cref="ScoreParametrisation"/> and the
/// <see cref="ForwardProcess"/> whose a(t), b(t) it uses. Samplers see it as an <see cref="IScoreFunction"/> (float64
/// in and out); training uses the per-sample, differentiable overloads.
/// </summary>
public sealed class ScoreModel : IScoreFunction, IDisposable
{
    ScoreModel(ScoreModelConfig config, ScoreNetwork network)
    {
        Config = config;
        Network = network;
        Process = config.Process.Build();
        Parametrisation = ScoreParametrisation.Create(config.Parametrisation, config.SigmaData!.Value);
    }

    /// <summary>Builds a model from <paramref name="config"/> with network weights initialised from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">When σ_data is unresolved (null) or the config is invalid.</exception>
    public static ScoreModel Create(ScoreModelConfig config, ulong seed, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.SigmaData is null)
            throw new ArgumentException("σ_data must be resolved (not null) before a model is built.", nameof(config));
        using var generator = Seeds.Generator(seed);
        var network = config.Network.Build(config.EventShape, generator);
        if (device is not null) network.to(device);
        return new ScoreModel(config, network);
    }

    /// <summary>The config this model was built from.</summary>
    public ScoreModelConfig Config { get; }

    /// <summary>The raw network F.</summary>
    public ScoreNetwork Network { get; }

    /// <summary>The parametrisation that turns F into a score.</summary>
    public ScoreParametrisation Parametrisation { get; }

    /// <summary>The forward process.</summary>
    public ForwardProcess Process { get; }

    /// <summary>The noise condition c(t) fed to the network (see <see cref="Scores.NoiseConditioning"/>).</summary>
    public double NoiseCondition(double t) => Config.NoiseConditioning switch
    {
        NoiseConditioning.Time => t / Process.EndTime,
        _ => 0.25 * Math.Log(Process.NoiseToSignal(t)),
    };

    /// <summary>
    /// Per-sample coefficients for times t [B]: a, b, c_in, c, α, β (each [B] float64 on the network's device), with
    /// s = α·x + β·F(c_in·x, c).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When a time lies outside (0, T] or gives b = 0.</exception>
    public ModelCoefficients Coefficients(Tensor t)
    {
        if (t.dim() != 1) throw new ArgumentException($"Times must have shape [B]; got {Shapes.Format(t)}.", nameof(t));
        var times = t.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        int n = times.Length;
        var a = new double[n]; var b = new double[n]; var cIn = new double[n];
        var cNoise = new double[n]; var alpha = new double[n]; var beta = new double[n];
        for (int i = 0; i < n; i++)
        {
            double ti = times[i];
            if (!(ti > 0) || ti > Process.EndTime)
                throw new ArgumentOutOfRangeException(nameof(t), ti, $"Times must lie in (0, {Process.EndTime}]; got t = {ti}.");
            a[i] = Process.A(ti); b[i] = Process.B(ti);
            var c = Parametrisation.Coefficients(a[i], b[i]);
            cIn[i] = c.InputScale; alpha[i] = c.ScoreFromInput; beta[i] = c.ScoreFromOutput;
            cNoise[i] = NoiseCondition(ti);
        }
        var device = Device;
        Tensor T(double[] v) => tensor(v, dtype: ScalarType.Float64, device: device);
        return new ModelCoefficients(T(a), T(b), T(cIn), T(cNoise), T(alpha), T(beta));
    }

    /// <summary>The device of the network's parameters.</summary>
    public Device Device => Network.parameters().First().device;

    /// <summary>
    /// The raw network output F(c_in·x, c) for a batch x [B, …] and times t [B] (float32, differentiable).
    /// </summary>
    public Tensor NetworkOutput(Tensor x, Tensor t)
    {
        using var scope = NewDisposeScope();
        using var c = Coefficients(t);
        return NetworkOutput(x, c).MoveToOuterDisposeScope();
    }

    /// <summary>F(c_in·x, c) with precomputed coefficients (float32, differentiable).</summary>
    public Tensor NetworkOutput(Tensor x, ModelCoefficients coefficients)
    {
        CheckBatch(x, coefficients.A);
        using var scope = NewDisposeScope();
        var input = (x * Shapes.AppendDims(coefficients.InputScale, x.dim()).to_type(x.dtype)).to_type(ScalarType.Float32);
        return Network.forward(input, coefficients.Condition.to_type(ScalarType.Float32)).MoveToOuterDisposeScope();
    }

    /// <summary>The score s(x, t) for per-sample times t [B]; differentiable, in the dtype of x.</summary>
    public Tensor Score(Tensor x, Tensor t)
    {
        using var scope = NewDisposeScope();
        using var c = Coefficients(t);
        var f = NetworkOutput(x, c).to_type(x.dtype);
        long rank = x.dim();
        var s = (x * Shapes.AppendDims(c.ScoreFromInput, rank).to_type(x.dtype)).Add(f * Shapes.AppendDims(c.ScoreFromOutput, rank).to_type(x.dtype));
        return s.MoveToOuterDisposeScope();
    }

    /// <summary>The learned score at a common time t: float64 in and out (network in float32), without gradients.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When t lies outside (0, T].</exception>
    public Tensor Score(Tensor x, double t)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x64 = x.to_type(ScalarType.Float64);
        var times = ScalarArithmetic.Full([x.shape[0]], t, ScalarType.Float64);
        return Score(x64, times).MoveToOuterDisposeScope();
    }

    /// <summary>The denoiser x̂₀(x, t) = (x + b²·s)/a for per-sample times t [B]; differentiable, in the dtype of x.</summary>
    public Tensor Denoise(Tensor x, Tensor t)
    {
        using var scope = NewDisposeScope();
        using var c = Coefficients(t);
        long rank = x.dim();
        var f = NetworkOutput(x, c).to_type(x.dtype);
        var b2 = c.B.Square();
        var alpha = Shapes.AppendDims(((b2 * c.ScoreFromInput).Add(1)) / c.A, rank).to_type(x.dtype);
        var beta = Shapes.AppendDims(b2 * c.ScoreFromOutput / c.A, rank).to_type(x.dtype);
        return ((x * alpha).Add(f * beta)).MoveToOuterDisposeScope();
    }

    /// <summary>The denoiser x̂₀ = E[x₀ | x_t = x] estimate at a common time t: float64 in and out, without gradients.</summary>
    public Tensor Denoise(Tensor x, double t)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var times = ScalarArithmetic.Full([x.shape[0]], t, ScalarType.Float64);
        return Denoise(x.to_type(ScalarType.Float64), times).MoveToOuterDisposeScope();
    }

    /// <summary>The noise estimate ε̂ = −b·s at a common time t (Ho et al. 2020): float64 in and out, without gradients.</summary>
    public Tensor PredictNoise(Tensor x, double t)
    {
        using var scope = NewDisposeScope();
        return ScoreConversions.NoiseFromScore(Score(x, t), Process.B(t)).MoveToOuterDisposeScope();
    }

    /// <summary>Disposes the network.</summary>
    public void Dispose() => Network.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"ScoreModel({Config.Network}, {Config.Parametrisation}, {Process})";

    static void CheckBatch(Tensor x, Tensor perSample)
    {
        if (x.dim() < 1 || x.shape[0] != perSample.shape[0])
            throw new ArgumentException($"x and t batch sizes differ: x is {Shapes.Format(x)}, t is {Shapes.Format(perSample)}.", nameof(x));
    }
}
