using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>The exact score ∇log p_t of an <see cref="ExactDistribution"/> under a given forward process.</summary>
public sealed class ExactScore : IScoreFunction
{
    /// <summary>Binds a distribution and a process.</summary>
    public ExactScore(ExactDistribution distribution, ForwardProcess process)
    {
        Distribution = distribution ?? throw new ArgumentNullException(nameof(distribution));
        Process = process ?? throw new ArgumentNullException(nameof(process));
    }

    /// <summary>The data distribution p₀.</summary>
    public ExactDistribution Distribution { get; }

    /// <summary>The forward process.</summary>
    public ForwardProcess Process { get; }

    /// <inheritdoc/>
    public Tensor Score(Tensor x, double t) => Distribution.Score(x, Process.A(t), Process.B(t));
}
