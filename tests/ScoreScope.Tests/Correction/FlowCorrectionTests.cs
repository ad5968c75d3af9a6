using ScoreScope.Analysis;
using ScoreScope.Correction;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Correction;

/// <summary>
/// Exact correction of flow proposals: the exact score of a mixture with the wrong mode weights (0.3 on mode 0, 0.1 on
/// each other mode) proposes for the equal-weight gmm8. The flow density log q equals that mixture's closed-form
/// log p_{t_min} (up to the prior mismatch); the raw proposals fail the mode-occupancy test; the independence
/// Metropolis–Hastings chain and the importance weights pass it, and the chain's mean and covariance agree with gmm8's.
/// </summary>
public sealed class FlowCorrectionTests(ITestOutputHelper output)
{
    const ulong ProposalSeed = 8080, ChainSeed = 9090;
    const int Proposals = 4000;
    const double MinimumTime = 1e-3;

    static GaussianMixtureDistribution Skewed()
    {
        using var ring = GaussianMixtureDistribution.Ring();
        double[] weights = [0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
        return new GaussianMixtureDistribution(weights, ring.Components.Select(c => new GaussianDistribution(c.Mean!.clone(), c.Covariance!.clone())).ToArray());
    }

    [Fact]
    public void Metropolis_hastings_turns_skewed_flow_proposals_into_gmm8()
    {
        using var scope = NewDisposeScope();
        using var target = GaussianMixtureDistribution.Ring();
        using var proposalData = Skewed();
        var process = VariancePreservingProcess.WithBetaRange(0.1, 20.0);
        var flow = new ProbabilityFlowProposals(proposalData.ScoreFunction(process), process, MinimumTime, new OdeTolerances(1e-6, 1e-6));
        var proposals = flow.Draw(Proposals, [2], ProposalSeed);
        Assert.Equal(Proposals, proposals.Points.shape[0]);
        double a = process.A(MinimumTime), b = process.B(MinimumTime);

        // The exact flow Φ maps the true p_T onto p_{t_min} of the proposal mixture, so for x = Φ(z) the change of variables
        // gives log q(x) − log p_{t_min}(x) = log N(z; 0, σ_p²I) − log p_T(z) exactly: the only error left is the solver's.
        double aT = process.A(process.EndTime), bT = process.B(process.EndTime);
        var mismatch = process.PriorLogDensity(proposals.Prior) - proposalData.LogDensity(proposals.Prior, aT, bT);
        var closedForm = proposalData.LogDensity(proposals.Points, a, b).Add(mismatch);
        double densityError = (proposals.LogDensity - closedForm).abs().max().item<double>();
        Assert.True(densityError < 1e-4, $"max |log q − (log p_proposal + prior mismatch)| = {densityError:E3} nats at rtol = atol = 1e-6");

        var raw = ModeOccupancy.Compute(target, proposals.Points);
        double rawWorst = raw.Max(e => Math.Abs(e.StandardScore(1.0 / 8)));
        Assert.True(rawWorst > 4, $"the raw proposals should fail the occupancy test; max |z| = {rawWorst:F1}");

        var logWeights = target.LogDensity(proposals.Points, a, b) - proposals.LogDensity;
        using var generator = Seeds.Generator(ChainSeed);
        var chain = IndependenceMetropolisHastings.Run(logWeights, generator);
        var states = proposals.Points.index_select(0, tensor(chain.States.Select(i => (long)i).ToArray()));
        var occupancy = ChainObservables.Occupancies(target.MostLikelyComponent(states), 8);
        var means = ChainObservables.Means(states);
        var covariances = ChainObservables.Covariances(states);
        var weights = ImportanceWeights.FromLogWeights(logWeights);
        var exactCovariance = target.Covariance!;
        double[] exactEntries = [exactCovariance[0, 0].item<double>(), exactCovariance[0, 1].item<double>(), exactCovariance[1, 1].item<double>()];
        double bSquared = b * b; // the chain samples p_{t_min} = gmm8 ∗ N(0, b²I) scaled by a: covariance a²Σ + b²I
        exactEntries = [a * a * exactEntries[0] + bSquared, a * a * exactEntries[1], a * a * exactEntries[2] + bSquared];

        double occupancyWorst = occupancy.Max(e => Math.Abs((e.Value - 1.0 / 8) / e.StandardError));
        double meanWorst = means.Max(e => Math.Abs(e.Value / e.StandardError));
        double covarianceWorst = covariances.Select((e, i) => Math.Abs((e.Value - exactEntries[i]) / e.StandardError)).Max();
        output.WriteLine($"density error {densityError:E2}; raw max |z| {rawWorst:F1}; acceptance {chain.AcceptanceRate:F3}; " +
                         $"ESS/N {weights.EffectiveSampleSize / Proposals:F3}; chain τ_int(occupancy) max {occupancy.Max(e => e.TauInt):F2}; " +
                         $"max |z|: occupancy {occupancyWorst:F2}, mean {meanWorst:F2}, covariance {covarianceWorst:F2}; log mean weight {weights.LogMeanWeight:E2}");
        Assert.True(occupancyWorst < 4, $"corrected occupancy max |z| = {occupancyWorst:F2} (Γ-method SE); tolerance 4");
        Assert.True(meanWorst < 4, $"corrected mean max |z| = {meanWorst:F2} (Γ-method SE); tolerance 4");
        Assert.True(covarianceWorst < 4, $"corrected covariance max |z| = {covarianceWorst:F2} (Γ-method SE); tolerance 4");
        Assert.InRange(chain.AcceptanceRate, 0.5, 1.0);
        // Both laws are normalised, so the mean weight estimates Z_π/Z_q = 1: log of it within a few ESS^{-1/2}.
        Assert.True(Math.Abs(weights.LogMeanWeight) < 4 / Math.Sqrt(weights.EffectiveSampleSize), $"log mean weight {weights.LogMeanWeight:E3}");
    }

    [Fact]
    public void Metropolis_hastings_checks_its_weights()
    {
        using var generator = Seeds.Generator(1);
        Assert.Throws<ArgumentException>(() => IndependenceMetropolisHastings.Run(tensor(new[] { 0.0, double.NaN }), generator));
        Assert.Throws<ArgumentException>(() => IndependenceMetropolisHastings.Run(zeros(0, dtype: ScalarType.Float64), generator));
        var chain = IndependenceMetropolisHastings.Run(tensor(new[] { 0.0, double.NegativeInfinity, 0.0 }), generator);
        Assert.Equal([0, 0, 2], chain.States); // never moves to a proposal of weight 0; always to one of equal weight
        Assert.Equal(1, chain.Accepted);
    }

    [Fact]
    public void Flow_proposals_report_progress_after_every_batch()
    {
        using var scope = NewDisposeScope();
        using var data = Skewed();
        var process = VariancePreservingProcess.WithBetaRange(0.1, 20.0);
        var flow = new ProbabilityFlowProposals(data.ScoreFunction(process), process, MinimumTime, new OdeTolerances(1e-3, 1e-3), batchSize: 4);
        var reports = new List<(long Solved, long FunctionEvaluations)>();
        var proposals = flow.Draw(10, [2], ProposalSeed, progress: new ScoreScope.Runs.SynchronousProgress<(long Solved, long FunctionEvaluations)>(reports.Add));
        Assert.Equal([4L, 8L, 10L], reports.Select(r => r.Solved));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.FunctionEvaluations > p.First.FunctionEvaluations));
        Assert.Equal(proposals.FunctionEvaluations, reports[^1].FunctionEvaluations);
    }
}
