using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.SimplicityBias;

/// <summary>
/// DDPM training of an ε-predicting U-Net on grey images (Ho et al. 2020, Algorithm 1; the image code of Bardone,
/// Merger &amp; Goldt 2026, arXiv 2603.12901): per step a batch drawn with replacement from the training images, t uniform
/// on {0, …, T − 1}, ε ~ N(0, I), loss ‖F(√ᾱₜx₀ + √(1 − ᾱₜ)ε, t/T) − ε‖² averaged over pixels and batch, Adam at a
/// constant learning rate, no EMA. Every draw comes from the seeded generator; each step runs in its own dispose scope.
/// Also Ho et al.'s ancestral sampler (Algorithm 2, σₜ² = βₜ) for the sample grid.
/// </summary>
internal sealed class DdpmImageTraining : IDisposable
{
    readonly DdpmSchedule _schedule;
    readonly Tensor _train, _alphaBar;
    readonly Generator _generator;
    readonly HeldScalarAdam _optimizer;

    /// <summary>A fresh network for [1, side, side] images; <paramref name="train"/> is float32 [n, 1, side, side].</summary>
    public DdpmImageTraining(Tensor train, DdpmSchedule schedule, UNetOptions network, double learningRate, ulong seed)
    {
        _train = train;
        _schedule = schedule;
        _alphaBar = tensor(Enumerable.Range(0, schedule.Steps).Select(t => (float)schedule.AlphaBar(t)).ToArray());
        using (var initialisation = Seeds.Generator(Seeds.Derive(seed, "initialisation")))
            Network = new UNetScoreNetwork([1, train.shape[2], train.shape[3]], network, initialisation);
        _generator = Seeds.Generator(Seeds.Derive(seed, "training"));
        _optimizer = new HeldScalarAdam(Network.parameters(), learningRate);
    }

    /// <summary>The network F(x_t, t/T) ≈ ε.</summary>
    public UNetScoreNetwork Network { get; }

    /// <summary>Adam step number <paramref name="step"/> on <paramref name="batchSize"/> images; returns the batch loss.</summary>
    /// <exception cref="NonFiniteLossException">When the loss is not finite.</exception>
    public double Step(int batchSize, int step)
    {
        using var scope = NewDisposeScope();
        var index = randint(0, _train.shape[0], [batchSize], dtype: ScalarType.Int64, generator: _generator);
        var images = _train.index_select(0, index);
        var t = randint(0, _schedule.Steps, [batchSize], dtype: ScalarType.Int64, generator: _generator);
        var epsilon = randn(images.shape, dtype: ScalarType.Float32, generator: _generator);
        var (input, condition) = CloneLossEvaluation.Noised(images, epsilon, t, _alphaBar, _schedule.Steps);
        var loss = nn.functional.mse_loss(Network.forward(input, condition), epsilon);
        _optimizer.zero_grad();
        loss.backward();
        _optimizer.step();
        double value = loss.item<float>();
        if (!double.IsFinite(value)) throw new NonFiniteLossException(step, value, null, null);
        return value;
    }

    /// <summary><paramref name="count"/> images [count, 1, side, side] by ancestral sampling from x_{T−1} ~ N(0, I), every normal from <paramref name="generator"/>.</summary>
    public Tensor Sample(int count, Generator generator)
    {
        Network.eval();
        using var noGrad = no_grad();
        var shape = new long[] { count, 1, _train.shape[2], _train.shape[3] };
        var x = randn(shape, dtype: ScalarType.Float32, generator: generator);
        for (int t = _schedule.Steps - 1; t >= 0; t--)
        {
            using var scope = NewDisposeScope();
            double beta = _schedule.Beta(t), alphaBar = _schedule.AlphaBar(t);
            var condition = ScalarArithmetic.Full([count], (double)t / _schedule.Steps, ScalarType.Float32);
            var epsilon = Network.forward(x, condition);
            var next = x.AddScaled(epsilon, -beta / Math.Sqrt(1 - alphaBar)).Divide(Math.Sqrt(1 - beta));
            if (t > 0) next = next.AddScaled(randn(shape, dtype: ScalarType.Float32, generator: generator), Math.Sqrt(beta));
            x.Dispose();
            x = next.MoveToOuterDisposeScope();
        }
        Network.train();
        return x;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _optimizer.Dispose();
        Network.Dispose();
        _generator.Dispose();
        _alphaBar.Dispose();
    }
}
