using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Numerics;

/// <summary>Each held-scalar helper against its IEEE-754 closed form, element by element, bit for bit.</summary>
public sealed class ScalarArithmeticTests
{
    static readonly double[] Values = [-2.5, -0.75, -1e-300, 0.0, 0.3, 1.0, 7.125, 1e10];

    static Tensor X() => tensor(Values, dtype: ScalarType.Float64);

    static double[] Read(Tensor t) => t.to_type(ScalarType.Float64).data<double>().ToArray();

    static void AssertElementwise(Func<Tensor, Tensor> helper, Func<double, double> oracle)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(Values.Select(oracle).ToArray(), Read(helper(X())));
    }

    [Fact]
    public void Out_of_place_arithmetic_equals_the_double_formulas_bit_for_bit()
    {
        AssertElementwise(t => t.Multiply(0.3), v => v * 0.3);
        AssertElementwise(t => t.Divide(1.7), v => v / 1.7);
        AssertElementwise(t => t.Add(0.1), v => v + 0.1);
        AssertElementwise(t => t.Subtract(0.1), v => v - 0.1);
        AssertElementwise(t => ScalarArithmetic.SubtractFrom(0.1, t), v => 0.1 - v);
        AssertElementwise(t => ScalarArithmetic.DivideInto(3.0, t), v => 3.0 * (1.0 / v));
        AssertElementwise(t => t.Square(), v => v * v);
        AssertElementwise(t => t.Add(t), v => v + v);
        AssertElementwise(t => t.Subtract(t.Multiply(0.5)), v => v - v * 0.5);
        AssertElementwise(t => t.AddScaled(t, -0.25), v => v + -0.25 * v);
        AssertElementwise(t => t.Clamp(-1.0, 2.0), v => Math.Clamp(v, -1.0, 2.0));
        AssertElementwise(t => t.ClampMin(0.5), v => Math.Max(v, 0.5));
        AssertElementwise(t => t.ClampMax(0.5), v => Math.Min(v, 0.5));
        // libtorch evaluates pow with exponent 3 as x·x·x (and 2 as x·x), not through exp/log as Math.Pow does
        AssertElementwise(t => t.abs().Power(3.0), v => Math.Abs(v) * Math.Abs(v) * Math.Abs(v));
        AssertElementwise(t => t.Power(2), v => v * v);
    }

    [Fact]
    public void In_place_variants_modify_and_return_the_tensor()
    {
        using var scope = NewDisposeScope();
        var t = X();
        Assert.Same(t, t.MultiplyInPlace(2.0));
        Assert.Same(t, t.AddInPlace(1.0));
        Assert.Same(t, t.SubtractInPlace(0.5));
        Assert.Same(t, t.DivideInPlace(4.0));
        Assert.Same(t, t.AddScaledInPlace(X(), 0.5));
        Assert.Equal(Values.Select(v => (v * 2.0 + 1.0 - 0.5) / 4.0 + 0.5 * v).ToArray(), Read(t));
        var u = X();
        Assert.Same(u, u.AddProductInPlace(X(), X(), 0.5));
        Assert.Equal(Values.Select(v => v + 0.5 * (v * v)).ToArray(), Read(u));
        var w = X().abs().Add(1.0);
        Assert.Same(w, w.AddQuotientInPlace(X(), w.clone(), 2.0));
        Assert.Same(w, w.ClampMinInPlace(0.0));
        Assert.Same(w, w.FillInPlace(0.25));
        Assert.All(Read(w), v => Assert.Equal(0.25, v));
    }

    [Fact]
    public void Integer_operands_keep_integer_tensors_integral()
    {
        using var scope = NewDisposeScope();
        var n = ScalarArithmetic.Arange(-3, 4, ScalarType.Int64);
        Assert.Equal(new long[] { -3, -2, -1, 0, 1, 2, 3 }, n.data<long>().ToArray());
        foreach (var r in new[] { n.Multiply(2), n.Add(1), n.Subtract(1L), n.Divide(2, RoundingMode.floor), ScalarArithmetic.SubtractFrom(1, n) })
            Assert.Equal(ScalarType.Int64, r.dtype);
        Assert.Equal(new long[] { -2, -1, -1, 0, 0, 1, 1 }, n.Divide(2, RoundingMode.floor).data<long>().ToArray());
        Assert.Equal(new[] { false, false, false, true, false, false, false }, n.EqualTo(0).data<bool>().ToArray());
        Assert.Equal(new[] { false, false, false, false, true, true, true }, n.Greater(0).data<bool>().ToArray());
        Assert.Equal(new[] { false, false, false, true, true, true, true }, n.GreaterOrEqual(0).data<bool>().ToArray());
        Assert.Equal(new[] { true, true, true, false, false, false, false }, n.Less(0).data<bool>().ToArray());
        Assert.Equal(new[] { true, true, true, true, false, false, false }, n.LessOrEqual(0).data<bool>().ToArray());
        Assert.Equal(new[] { true, true, true, false, true, true, true }, n.NotEqualTo(0).data<bool>().ToArray());
    }

    [Fact]
    public void Factories_create_the_requested_values_shapes_and_types()
    {
        using var scope = NewDisposeScope();
        var full = ScalarArithmetic.Full([2, 3], 0.1, ScalarType.Float64);
        Assert.Equal(new long[] { 2, 3 }, full.shape);
        Assert.All(Read(full), v => Assert.Equal(0.1, v));
        var grid = ScalarArithmetic.Arange(-1.0, 1.0, 0.5, ScalarType.Float64);
        Assert.Equal(new[] { -1.0, -0.5, 0.0, 0.5 }, Read(grid));
        Assert.Equal(ScalarType.Float32, ScalarArithmetic.Arange(0, 4, ScalarType.Float32).dtype);
    }

    [Fact]
    public void Cached_scalars_hold_their_values()
    {
        using var scope = NewDisposeScope();
        var one = ones(1, dtype: ScalarType.Float64);
        double[] values = [.. new[] { CachedScalars.Zero, CachedScalars.One, CachedScalars.MinusOne, CachedScalars.Two, CachedScalars.Half, CachedScalars.MinusHalf }
            .Select(s => one.mul(s).item<double>())];
        Assert.Equal(new[] { 0.0, 1.0, -1.0, 2.0, 0.5, -0.5 }, values);
    }
}
