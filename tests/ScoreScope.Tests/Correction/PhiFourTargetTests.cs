using ScoreScope.Correction;
using ScoreScope.Lattice;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Correction;

/// <summary>
/// The φ⁴ target of exact correction in normalised units: log π'(φ') = −S[N⁻¹(φ')] + V·log((max − min)/2), the
/// normalisation file's equation read back exactly, and the importance-weighted estimate with equal weights equal to the
/// plain mean and its standard error.
/// </summary>
public sealed class PhiFourTargetTests
{
    [Fact]
    public void LogDensityIsMinusTheActionOfThePhysicalFieldPlusTheJacobian()
    {
        var lattice = new HypercubicLattice(4, 2);
        var action = new PhiFourAction(lattice, new PhiFourCouplings(0.3, 0.022));
        var normalisation = new FieldNormalisation(-3.5, 4.25);
        var target = new PhiFourTarget(action, normalisation);
        Assert.Equal([1L, 4, 4], target.EventShape);
        using var generator = Seeds.Generator(3);
        using var scope = NewDisposeScope();
        var normalised = rand([3, 1, 4, 4], dtype: ScalarType.Float64, generator: generator).Multiply(2.0).Subtract(1.0);
        var logDensity = target.LogDensity(normalised).data<double>().ToArray();
        var values = normalised.reshape(-1).data<double>().ToArray();
        for (int i = 0; i < 3; i++)
        {
            var physical = values.Skip(16 * i).Take(16).Select(normalisation.Inverse).ToArray();
            double expected = -action.Action(physical) + 16 * Math.Log((4.25 + 3.5) / 2);
            Assert.Equal(expected, logDensity[i], 10);
        }
    }

    [Fact]
    public void TheNormalisationEquationRoundTrips()
    {
        var normalisation = new FieldNormalisation(-5.39236175848116, 5.306910216089669);
        Assert.Equal("phi' = 2(phi - -5.39236175848116)/(5.306910216089669 - -5.39236175848116) - 1", normalisation.Equation);
        Assert.Equal(normalisation, FieldNormalisation.FromEquation(normalisation.Equation + "\n"));
        Assert.Throws<FormatException>(() => FieldNormalisation.FromEquation("phi' = phi"));
        Assert.Throws<FormatException>(() => FieldNormalisation.FromEquation("phi' = 2(phi - 1)/(0 - 1) - 1"));
    }

    [Fact]
    public void EqualWeightsGiveThePlainMeanAndStandardError()
    {
        var values = Enumerable.Range(0, 50).Select(i => Math.Sin(i) + 0.1 * i).ToArray();
        using var logWeights = zeros(50, dtype: ScalarType.Float64);
        var weights = ImportanceWeights.FromLogWeights(logWeights);
        var (value, error) = weights.Estimate([values], a => a[0]);
        double mean = values.Average();
        Assert.Equal(mean, value, 12);
        Assert.Equal(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean))) / 50, error, 12);
    }
}
