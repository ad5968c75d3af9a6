using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Numerics;

/// <summary>
/// Tensor arithmetic with host numbers that keeps every TorchSharp <see cref="Scalar"/> alive across the native call:
/// each helper creates the scalar in a <c>using</c> variable (or takes a <see cref="CachedScalars"/> field) and passes
/// the explicit <c>alpha</c> that TorchSharp's short overloads would otherwise create implicitly.
/// </summary>
/// <remarks>
/// <para>
/// TorchSharp 0.107 lets the finalizer of an implicitly converted <see cref="Scalar"/> free it while libtorch still reads
/// it (use-after-free; see <see cref="CachedScalars"/> and the upstream pull requests #1434 and #1496). The build bans
/// the unsafe forms (<c>BannedSymbols.txt</c>, analyzer RS0030); each helper here is the same native operation as the
/// form it replaces, so results are bit-identical:
/// </para>
/// <list type="table">
/// <listheader><term>banned</term><description>use</description></listheader>
/// <item><term><c>t * c</c>, <c>c * t</c>, <c>t.mul(c)</c></term><description><see cref="Multiply"/></description></item>
/// <item><term><c>t / c</c>, <c>t.div(c)</c></term><description><see cref="Divide"/></description></item>
/// <item><term><c>c / t</c></term><description><see cref="DivideInto"/> (<c>c · t⁻¹</c>, as TorchSharp computes it)</description></item>
/// <item><term><c>t + c</c>, <c>c + t</c>, <c>t.add(c)</c></term><description><see cref="Add(Tensor, double)"/></description></item>
/// <item><term><c>t - c</c>, <c>t.sub(c)</c></term><description><see cref="Subtract(Tensor, double)"/></description></item>
/// <item><term><c>c - t</c></term><description><see cref="SubtractFrom"/></description></item>
/// <item><term><c>a + b</c>, <c>a.add(b)</c></term><description><see cref="Add(Tensor, Tensor)"/> (held alpha 1)</description></item>
/// <item><term><c>a.add(b, alpha: c)</c></term><description><see cref="AddScaled"/></description></item>
/// <item><term><c>t.square()</c>, <c>t.pow(c)</c></term><description><see cref="Square"/>, <see cref="Power"/></description></item>
/// <item><term><c>t.clamp(min, max)</c></term><description><see cref="Clamp"/>, <see cref="ClampMin"/>, <see cref="ClampMax"/></description></item>
/// <item><term><c>torch.full(shape, c)</c>, <c>t.fill_(c)</c></term><description><see cref="Full"/>, <see cref="FillInPlace"/></description></item>
/// </list>
/// <para>Methods ending in <c>InPlace</c> modify and return the tensor itself (TorchSharp's <c>op_</c> forms).</para>
/// </remarks>
public static class ScalarArithmetic
{
    /// <summary>t · c (TorchSharp <c>mul</c>).</summary>
    public static Tensor Multiply(this Tensor tensor, double factor)
    {
        using var scalar = factor.ToScalar();
        return tensor.mul(scalar);
    }

    /// <summary>t ← t · c (TorchSharp <c>mul_</c>); returns <paramref name="tensor"/>.</summary>
    public static Tensor MultiplyInPlace(this Tensor tensor, double factor)
    {
        using var scalar = factor.ToScalar();
        return tensor.mul_(scalar);
    }

    /// <summary>t / c (TorchSharp <c>div</c>, a true division, not a multiplication by 1/c).</summary>
    public static Tensor Divide(this Tensor tensor, double divisor)
    {
        using var scalar = divisor.ToScalar();
        return tensor.div(scalar);
    }

    /// <summary>t ← t / c (TorchSharp <c>div_</c>); returns <paramref name="tensor"/>.</summary>
    public static Tensor DivideInPlace(this Tensor tensor, double divisor)
    {
        using var scalar = divisor.ToScalar();
        return tensor.div_(scalar);
    }

    /// <summary>c / t computed as c · reciprocal(t), exactly as TorchSharp's <c>c / t</c> operator does.</summary>
    public static Tensor DivideInto(double numerator, Tensor tensor)
    {
        using var scalar = numerator.ToScalar();
        using var reciprocal = tensor.reciprocal();
        return reciprocal.mul(scalar);
    }

    /// <summary>t + c (TorchSharp <c>add(c, alpha: 1)</c>).</summary>
    public static Tensor Add(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.add(scalar, CachedScalars.One);
    }

    /// <summary>t ← t + c; returns <paramref name="tensor"/>.</summary>
    public static Tensor AddInPlace(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.add_(scalar, CachedScalars.One);
    }

    /// <summary>t − c (TorchSharp <c>sub</c>).</summary>
    public static Tensor Subtract(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.sub(scalar);
    }

    /// <summary>t ← t − c; returns <paramref name="tensor"/>.</summary>
    public static Tensor SubtractInPlace(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.sub_(scalar);
    }

    /// <summary>c − t computed as (−t) + c, exactly as TorchSharp's <c>c - t</c> operator does.</summary>
    public static Tensor SubtractFrom(double value, Tensor tensor)
    {
        using var scalar = value.ToScalar();
        using var negative = tensor.negative();
        return negative.add(scalar, CachedScalars.One);
    }

    /// <summary>a + b of two tensors with a held alpha of 1 (TorchSharp's <c>a + b</c> creates the alpha implicitly).</summary>
    public static Tensor Add(this Tensor left, Tensor right) => left.add(right, CachedScalars.One);

    /// <summary>a ← a + b; returns <paramref name="left"/>.</summary>
    public static Tensor AddInPlace(this Tensor left, Tensor right) => left.add_(right, CachedScalars.One);

    /// <summary>a − b of two tensors (TorchSharp <c>sub</c>; it takes no scalar in 0.107 and is named here for symmetry).</summary>
    public static Tensor Subtract(this Tensor left, Tensor right) => left.sub(right);

    /// <summary>a + α·b (TorchSharp <c>add(b, alpha)</c>, one fused kernel).</summary>
    public static Tensor AddScaled(this Tensor left, Tensor right, double alpha)
    {
        using var scalar = alpha.ToScalar();
        return left.add(right, scalar);
    }

    /// <summary>a ← a + α·b; returns <paramref name="left"/>.</summary>
    public static Tensor AddScaledInPlace(this Tensor left, Tensor right, double alpha)
    {
        using var scalar = alpha.ToScalar();
        return left.add_(right, scalar);
    }

    /// <summary>t + c·(t₁ · t₂) (TorchSharp <c>addcmul</c>).</summary>
    public static Tensor AddProduct(this Tensor tensor, Tensor first, Tensor second, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.addcmul(first, second, scalar);
    }

    /// <summary>t ← t + c·(t₁ · t₂); returns <paramref name="tensor"/>.</summary>
    public static Tensor AddProductInPlace(this Tensor tensor, Tensor first, Tensor second, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.addcmul_(first, second, scalar);
    }

    /// <summary>t ← t + c·(t₁ / t₂); returns <paramref name="tensor"/>.</summary>
    public static Tensor AddQuotientInPlace(this Tensor tensor, Tensor numerator, Tensor denominator, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.addcdiv_(numerator, denominator, scalar);
    }

    /// <summary>t² as <c>pow(2)</c> with the cached integer exponent (what TorchSharp's <c>square()</c> calls).</summary>
    public static Tensor Square(this Tensor tensor) => tensor.pow(CachedScalars.Two);

    /// <summary>t^p (TorchSharp <c>pow</c> with a scalar exponent).</summary>
    public static Tensor Power(this Tensor tensor, double exponent)
    {
        using var scalar = exponent.ToScalar();
        return tensor.pow(scalar);
    }

    /// <summary>Clamps every element to [<paramref name="min"/>, <paramref name="max"/>] (TorchSharp <c>clamp</c>).</summary>
    public static Tensor Clamp(this Tensor tensor, double min, double max)
    {
        using var low = min.ToScalar();
        using var high = max.ToScalar();
        return tensor.clamp(low, high);
    }

    /// <summary>max(t, <paramref name="min"/>) elementwise (TorchSharp <c>clamp_min</c>).</summary>
    public static Tensor ClampMin(this Tensor tensor, double min)
    {
        using var scalar = min.ToScalar();
        return tensor.clamp_min(scalar);
    }

    /// <summary>min(t, <paramref name="max"/>) elementwise (TorchSharp <c>clamp_max</c>).</summary>
    public static Tensor ClampMax(this Tensor tensor, double max)
    {
        using var scalar = max.ToScalar();
        return tensor.clamp_max(scalar);
    }

    /// <summary>Sets every element to <paramref name="value"/> (TorchSharp <c>fill_</c>); returns <paramref name="tensor"/>.</summary>
    public static Tensor FillInPlace(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.fill_(scalar);
    }

    /// <summary>A new tensor of <paramref name="shape"/> filled with <paramref name="value"/> (TorchSharp <c>torch.full</c>).</summary>
    public static Tensor Full(long[] shape, double value, ScalarType dtype, Device? device = null)
    {
        using var scalar = value.ToScalar();
        return torch.full(shape, scalar, dtype: dtype, device: device);
    }
}
