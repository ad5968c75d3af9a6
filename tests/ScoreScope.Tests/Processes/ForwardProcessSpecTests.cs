using ScoreScope.Processes;
using ScoreScope.Training;

namespace ScoreScope.Tests.Processes;

public sealed class ForwardProcessSpecTests
{
    [Fact]
    public void The_papers_diffusion_base_processes_round_trip_through_json_and_build_the_exact_schedules()
    {
        // Aarts et al. 2024 (arXiv 2410.21212), σ = 10: VE b(1)² = (σ² − 1)/(2 ln σ) = 21.4976; VP a(1) = e^{−21.4976/2}.
        double b2 = 99 / (2 * Math.Log(10));
        foreach (var spec in new[] { ForwardProcessSpec.VarianceExplodingDiffusionBase(10), ForwardProcessSpec.VariancePreservingDiffusionBase(10) })
        {
            var back = TrainingJson.Deserialize<ForwardProcessSpec>(TrainingJson.Serialize(spec));
            Assert.Equal(spec, back);
            var process = back.Build();
            Assert.Equal(10.0, process.Diffusion(1), 12);
            if (spec.Kind == ForwardProcessKind.VarianceExplodingDiffusionBase)
            {
                Assert.Equal(1.0, process.A(1));
                Assert.Equal(b2, process.B(1) * process.B(1), 12);
            }
            else
            {
                Assert.Equal(Math.Exp(-b2 / 2), process.A(1), 15);
                Assert.Equal(-0.5 * 100, process.DriftCoefficient(1), 10);
                Assert.Equal(1 - Math.Exp(-b2), process.B(1) * process.B(1), 14);
            }
        }
        Assert.Contains("VariancePreservingDiffusionBase", TrainingJson.Serialize(ForwardProcessSpec.VariancePreservingDiffusionBase()), StringComparison.Ordinal);
    }
}
