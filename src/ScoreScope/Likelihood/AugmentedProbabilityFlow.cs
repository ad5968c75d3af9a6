using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Likelihood;

/// <summary>
/// The probability-flow ODE dx/dt = v(x, t) = f(t)x − ½g(t)²s(x, t) solved together with the running integral of its
/// divergence, dΔ/dt = ∇·v = f(t)·D − ½g(t)²∇·s (Chen et al. 2018, Theorem 1; Song et al. 2021, Eq. 39), in either time
/// direction with <see cref="DormandPrince45"/>. Shared by the likelihood (t_min → T) and the flow proposals (T → t_min).
/// </summary>
static class AugmentedProbabilityFlow
{
    /// <summary>
    /// Solves from <paramref name="startTime"/> to <paramref name="endTime"/> starting at x [B, …event]; returns the end
    /// state [B, …event], ∫_{start}^{end} ∇·v dt as [B, m] (m = 1 for the exact divergence, K columns for K Hutchinson
    /// probes [K, B, …event]) and the solver statistics.
    /// </summary>
    public static (Tensor End, Tensor Integral, OdeSolution Solution) Solve(IScoreFunction score, ForwardProcess process, Tensor x,
        double startTime, double endTime, Tensor? probes, OdeTolerances tolerances, CancellationToken cancellationToken)
    {
        long batch = x.shape[0], d = Shapes.EventSize(x);
        long[] eventShape = x.shape[1..];
        int columns = probes is null ? 1 : (int)probes.shape[0];
        var initial = cat([x.to_type(ScalarType.Float64).reshape(batch, d), zeros(batch, columns, dtype: ScalarType.Float64, device: x.device)], 1);
        Tensor Derivative(double t, Tensor state)
        {
            var position = state.narrow(1, 0, d).reshape([batch, .. eventShape]);
            double drift = process.DriftCoefficient(t), g = process.Diffusion(t);
            var (s, scoreDivergence) = ScoreDivergence.ScoreAndDivergence(score, position, t, probes);
            var velocity = process.ProbabilityFlowDrift(position, t, s).reshape(batch, d);
            var divergence = scoreDivergence.Multiply(-0.5 * g * g).Add(drift * d);
            return cat([velocity, divergence], 1);
        }
        var solution = DormandPrince45.Solve(Derivative, initial, startTime, endTime, tolerances, cancellationToken);
        var end = solution.State.narrow(1, 0, d).reshape([batch, .. eventShape]);
        var integral = solution.State.narrow(1, d, columns);
        return (end, integral, solution);
    }
}
