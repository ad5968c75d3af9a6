using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// A data distribution p₀ whose perturbed marginal p_t — the law of a·x₀ + b·z, z ~ N(0, I), for any linear forward
/// process — has a closed-form log-density, score and posterior mean. These are the exact oracles beside every
/// learned quantity. All arithmetic is float64.
/// </summary>
/// <remarks>
/// The methods take the marginal coefficients (a, b) rather than a time, so one implementation serves every
/// <see cref="ForwardProcess"/>; <see cref="ScoreFunction(ForwardProcess)"/> binds a process.
/// Tweedie's formula links them: E[x₀ | x_t = x] = (x + b²∇log p_t(x))/a (Efron 2011, Eq. 2.8).
/// </remarks>
public abstract class ExactDistribution : IDataDistribution
{
    /// <inheritdoc/>
    public abstract long[] EventShape { get; }

    /// <inheritdoc/>
    public abstract Tensor Sample(long count, Generator generator);

    /// <summary>log p_t(x) of the law of a·x₀ + b·z at a batch x [B, …]; returns [B].</summary>
    public abstract Tensor LogDensity(Tensor x, double a, double b);

    /// <summary>The score ∇ₓ log p_t(x) of the law of a·x₀ + b·z at a batch x [B, …]; same shape as x.</summary>
    public abstract Tensor Score(Tensor x, double a, double b);

    /// <summary>The posterior mean (optimal denoiser) E[x₀ | a·x₀ + b·z = x]; defaults to Tweedie's formula.</summary>
    public virtual Tensor PosteriorMean(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        return ScoreConversions.DenoiserFromScore(x, Score(x, a, b), a, b).MoveToOuterDisposeScope();
    }

    /// <summary>The exact mean of p₀ flattened to [D], or null when it has none in closed form.</summary>
    public virtual Tensor? Mean => null;

    /// <summary>The exact covariance of p₀ flattened to [D, D], or null when it has none in closed form.</summary>
    public virtual Tensor? Covariance => null;

    /// <summary>The exact score of this distribution pushed through <paramref name="process"/>, as a function of (x, t).</summary>
    public IScoreFunction ScoreFunction(ForwardProcess process) => new ExactScore(this, process);
}
