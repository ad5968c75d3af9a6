using ScoreScope.Numerics;

namespace ScoreScope.Tests.Numerics;

public sealed class ExponentialMinusOneTests
{
    // References: mpmath 1.3.0 expm1 at 30 digits on the build host.
    [Theory]
    [InlineData(-1e-8, -9.9999999500000001667e-9)]
    [InlineData(1e-5, 1.0000050000166667083e-5)]
    [InlineData(-0.1, -0.095162581964040426836)]
    [InlineData(0.5, 0.64872127070012814685)]
    [InlineData(-0.9, -0.59343034025940088812)]
    [InlineData(3, 19.085536923187667741)]
    public void Matches_high_precision_references_to_a_few_ulps(double x, double expected)
    {
        double v = ExponentialMinusOne.Evaluate(x);
        Assert.True(Math.Abs(v - expected) <= 4e-16 * Math.Abs(expected), $"expm1({x}) = {v:R}, mpmath {expected:R}");
    }
}
