using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

/// <summary>Shared test data for the sampler tests: the processes of the acceptance criteria and a 10-D Gaussian.</summary>
static class SamplingFixtures
{
    const ulong GaussianSeed = 20251124;

    public static ForwardProcess Process(string name) => name switch
    {
        "ve" => VarianceExplodingProcess.Geometric(0.01, 100.0),
        "vp" => VariancePreservingProcess.WithBetaRange(0.1, 20.0),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown test process"),
    };

    /// <summary>
    /// N(μ, Σ) in 10 dimensions with Σ = Q diag(λ) Qᵀ, λ_k = 0.2·1.4^k (0.2 … 4.1, condition number ≈ 21), Q a seeded
    /// random rotation, μ_k = (k − 4.5)/30: non-diagonal, anisotropic, slightly off-centre (the prior cannot match
    /// p_T's mean a(T)μ, and the probability-flow ODE carries that mismatch to t_min unreduced: for VE with σ_max = 100
    /// it is |μ_k|·√(N)/σ_max ≈ 0.2 SE at N = 2·10⁴, for VP a(T)|μ_k|√N ≈ 0.14 SE).
    /// </summary>
    public static GaussianDistribution Gaussian10()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(GaussianSeed);
        var (q, _) = linalg.qr(randn([10, 10], dtype: ScalarType.Float64, generator: generator));
        var lambda = tensor(Enumerable.Range(0, 10).Select(k => 0.2 * Math.Pow(1.4, k)).ToArray(), dtype: ScalarType.Float64);
        var covariance = (q * lambda.unsqueeze(0)).matmul(q.t());
        covariance = covariance.Add(covariance.t()).Multiply(0.5);
        var mean = tensor(Enumerable.Range(0, 10).Select(k => (k - 4.5) / 30).ToArray(), dtype: ScalarType.Float64);
        return new GaussianDistribution(mean, covariance);
    }

    /// <summary>Fresh samples of the exact marginal p_t = law of a(t)x₀ + b(t)z.</summary>
    public static Tensor MarginalSamples(ExactDistribution data, ForwardProcess process, double t, long count, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(seed);
        var x0 = data.Sample(count, generator);
        return process.SampleMarginal(x0, t, generator).MoveToOuterDisposeScope();
    }

    /// <summary>True when both tensors have one shape and identical elements (bitwise for finite values).</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape)) return false;
        using var same = a.eq(b).all();
        return same.item<bool>();
    }

    /// <summary>
    /// The exact score of N(m·1, v·I) under a process, −(x − a·m)/(a²v + b²), computed with elementwise IEEE operations
    /// only, so that it is bitwise independent of the batch it is evaluated in (unlike matrix products and vectorised
    /// transcendental functions in LibTorch's CPU kernels, whose rounding may depend on the batch size).
    /// </summary>
    public sealed class ElementwiseGaussianScore(ForwardProcess process, double mean, double variance) : IScoreFunction
    {
        public Tensor Score(Tensor x, double t)
        {
            double a = process.A(t), b = process.B(t);
            return x.Subtract(a * mean).Multiply(-1 / (a * a * variance + b * b));
        }
    }
}
