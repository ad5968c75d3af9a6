using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.SimplicityBias;

/// <summary>
/// Fixed evaluation sets of the image experiment of Bardone, Merger &amp; Goldt 2026 (arXiv 2603.12901; DiffusionEasy2Hard
/// <c>eval/eval_checkpoints.py</c>): for every image set (test, train, Gaussian clone, mean clone) and every noise mode
/// (random t, or one fixed t) the noised inputs x_t = √ᾱₜ x₀ + √(1 − ᾱₜ) ε, the targets ε and the conditions t/T are drawn
/// once, so successive checkpoints are compared on the same draws; within a mode every set shares the same t and ε (common
/// random numbers), so set-to-set differences reflect the images only. <see cref="Evaluate"/> returns the per-image ε-MSE
/// (mean over pixels) averaged over the set, with its standard error over images.
/// </summary>
internal sealed class CloneLossEvaluation : IDisposable
{
    readonly List<(Tensor Input, Tensor Condition, Tensor Target)> _cells = [];

    /// <summary>The set names, in order.</summary>
    public static readonly string[] SetNames = ["test", "train", "gaussian-clone", "mean-clone"];

    /// <summary>Builds the cells: <paramref name="sets"/> are float32 [E, 1, 28, 28]; modes are null (random t) or a fixed index.</summary>
    public CloneLossEvaluation(IReadOnlyList<Tensor> sets, IReadOnlyList<int?> modes, DdpmSchedule schedule, Generator generator)
    {
        Modes = modes;
        using var alphaBar = tensor(Enumerable.Range(0, schedule.Steps).Select(t => (float)schedule.AlphaBar(t)).ToArray());
        long n = sets[0].shape[0];
        if (sets.Any(set => set.shape[0] != n)) throw new ArgumentException("every evaluation set must hold the same number of images.", nameof(sets));
        var draws = new List<(Tensor T, Tensor Epsilon)>();
        foreach (var mode in modes)
        {
            var t = mode is int fixedTime ? ScalarArithmetic.Full([n], (long)fixedTime, ScalarType.Int64)
                : randint(0, schedule.Steps, [n], dtype: ScalarType.Int64, generator: generator);
            draws.Add((t, randn(sets[0].shape, dtype: ScalarType.Float32, generator: generator)));
        }
        foreach (var images in sets)
            foreach (var (t, epsilon) in draws)
            {
                using var scope = NewDisposeScope();
                var (input, condition) = Noised(images, epsilon, t, alphaBar, schedule.Steps);
                _cells.Add((input.MoveToOuterDisposeScope(), condition.MoveToOuterDisposeScope(), epsilon.clone().MoveToOuterDisposeScope()));
            }
        foreach (var (t, epsilon) in draws)
        {
            t.Dispose();
            epsilon.Dispose();
        }
    }

    /// <summary>The noise modes (null = random t).</summary>
    public IReadOnlyList<int?> Modes { get; }

    /// <summary>x_t and the condition t/T for clean images x₀, noise ε and indices t.</summary>
    public static (Tensor Input, Tensor Condition) Noised(Tensor images, Tensor epsilon, Tensor t, Tensor alphaBar, int steps)
    {
        var ab = alphaBar.index_select(0, t).view(-1, 1, 1, 1);
        var input = images.mul(ab.sqrt()).Add(epsilon.mul(ScalarArithmetic.SubtractFrom(1.0, ab).sqrt()));
        var condition = t.to_type(ScalarType.Float32).Divide(steps);
        return (input, condition);
    }

    /// <summary>The mean ± SE of the per-image ε-MSE of <paramref name="network"/> on every (set, mode) cell, set-major.</summary>
    public (double Mean, double StandardError)[] Evaluate(ScoreNetwork network, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.eval();
        var results = new (double, double)[_cells.Count];
        using var noGrad = no_grad();
        for (int c = 0; c < _cells.Count; c++)
        {
            var (input, condition, target) = _cells[c];
            long n = input.shape[0];
            var losses = new double[n];
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long length = Math.Min(batchSize, n - start);
                var prediction = network.forward(input.narrow(0, start, length), condition.narrow(0, start, length));
                var perImage = prediction.Subtract(target.narrow(0, start, length)).Square().mean([1, 2, 3]).to_type(ScalarType.Float64);
                perImage.data<double>().CopyTo(losses.AsSpan((int)start, (int)length));
            }
            var stats = new MathNet.Numerics.Statistics.RunningStatistics(losses);
            results[c] = (stats.Mean, stats.StandardDeviation / Math.Sqrt(n));
        }
        network.train();
        return results;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (input, condition, target) in _cells)
        {
            input.Dispose();
            condition.Dispose();
            target.Dispose();
        }
    }
}
