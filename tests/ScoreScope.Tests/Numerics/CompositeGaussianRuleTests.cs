using ScoreScope.Numerics;
using Xunit;

namespace ScoreScope.Tests.Numerics;

/// <summary><see cref="CompositeGaussianRule"/>: Gaussian moments, a step at 0 and a narrow bump against closed forms.</summary>
public sealed class CompositeGaussianRuleTests
{
    [Fact]
    public void Gaussian_moments_are_exact_to_rounding()
    {
        var rule = new CompositeGaussianRule();
        Assert.Equal(1.0, rule.Expectation(_ => 1), 13);
        Assert.Equal(0.0, rule.Expectation(x => x), 14);
        Assert.Equal(1.0, rule.Expectation(x => x * x), 13);
        Assert.Equal(3.0, rule.Expectation(x => Math.Pow(x, 4)), 12);
        Assert.Equal(105.0, rule.Expectation(x => Math.Pow(x, 8)), 10);
    }

    [Fact]
    public void A_step_at_zero_and_a_narrow_bump_are_integrated_accurately()
    {
        var rule = new CompositeGaussianRule();
        // 0 is a panel boundary: P(G > 0) = 1/2 exactly.
        Assert.Equal(0.5, rule.Expectation(x => x > 0 ? 1 : 0), 13);
        // E[(G > 0)·G] = 1/√(2π).
        Assert.Equal(1 / Math.Sqrt(2 * Math.PI), rule.Expectation(x => x > 0 ? x : 0), 13);
        // A bump of width 0.01: E exp(−G²/(2ε²)) = ε/√(1 + ε²).
        const double epsilon = 0.01;
        Assert.Equal(epsilon / Math.Sqrt(1 + epsilon * epsilon), rule.Expectation(x => Math.Exp(-0.5 * x * x / (epsilon * epsilon))), 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-2)]
    public void Odd_or_too_few_panels_are_refused(int panels) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompositeGaussianRule(panels));
}
