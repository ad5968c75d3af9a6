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
/// <item><term><c>t * c</c>, <c>c * t</c>, <c>t.mul(c)</c></term><description><c>Multiply</c></description></item>
/// <item><term><c>t / c</c>, <c>t.div(c)</c></term><description><c>Divide</c></description></item>
/// <item><term><c>c / t</c></term><description><c>DivideInto</c> (<c>c · t⁻¹</c>, as TorchSharp computes it)</description></item>
/// <item><term><c>t + c</c>, <c>c + t</c>, <c>t.add(c)</c></term><description><c>Add</c></description></item>
/// <item><term><c>t - c</c>, <c>t.sub(c)</c></term><description><c>Subtract</c></description></item>
/// <item><term><c>c - t</c></term><description><c>SubtractFrom</c></description></item>
/// <item><term><c>a + b</c>, <c>a.add(b)</c></term><description><c>Add</c> (held alpha 1)</description></item>
/// <item><term><c>a.add(b, alpha: c)</c></term><description><c>AddScaled</c></description></item>
/// <item><term><c>t.square()</c>, <c>t.pow(c)</c></term><description><c>Square</c>, <c>Power</c></description></item>
/// <item><term><c>t.clamp(min, max)</c></term><description><c>Clamp</c>, <c>ClampMin</c>, <c>ClampMax</c></description></item>
/// <item><term><c>torch.full(shape, c)</c>, <c>t.fill_(c)</c></term><description><c>Full</c>, <c>FillInPlace</c></description></item>
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

    /// <summary>t · c (TorchSharp <c>mul</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Multiply(this Tensor tensor, long factor)
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

    /// <summary>t ← t · c (TorchSharp <c>mul_</c>); returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor MultiplyInPlace(this Tensor tensor, long factor)
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

    /// <summary>t / c (TorchSharp <c>div</c>, a true division, not a multiplication by 1/c). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Divide(this Tensor tensor, long divisor)
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

    /// <summary>t ← t / c (TorchSharp <c>div_</c>); returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor DivideInPlace(this Tensor tensor, long divisor)
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

    /// <summary>c / t computed as c · reciprocal(t), exactly as TorchSharp's <c>c / t</c> operator does. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor DivideInto(long numerator, Tensor tensor)
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

    /// <summary>t + c (TorchSharp <c>add(c, alpha: 1)</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Add(this Tensor tensor, long value)
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

    /// <summary>t ← t + c; returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor AddInPlace(this Tensor tensor, long value)
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

    /// <summary>t − c (TorchSharp <c>sub</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Subtract(this Tensor tensor, long value)
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

    /// <summary>t ← t − c; returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor SubtractInPlace(this Tensor tensor, long value)
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

    /// <summary>c − t computed as (−t) + c, exactly as TorchSharp's <c>c - t</c> operator does. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor SubtractFrom(long value, Tensor tensor)
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

    /// <summary>a + α·b (TorchSharp <c>add(b, alpha)</c>, one fused kernel). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor AddScaled(this Tensor left, Tensor right, long alpha)
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

    /// <summary>a ← a + α·b; returns <paramref name="left"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor AddScaledInPlace(this Tensor left, Tensor right, long alpha)
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

    /// <summary>t + c·(t₁ · t₂) (TorchSharp <c>addcmul</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor AddProduct(this Tensor tensor, Tensor first, Tensor second, long value)
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

    /// <summary>t ← t + c·(t₁ · t₂); returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor AddProductInPlace(this Tensor tensor, Tensor first, Tensor second, long value)
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

    /// <summary>t ← t + c·(t₁ / t₂); returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor AddQuotientInPlace(this Tensor tensor, Tensor numerator, Tensor denominator, long value)
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

    /// <summary>t^p (TorchSharp <c>pow</c> with a scalar exponent). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Power(this Tensor tensor, long exponent)
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

    /// <summary>Clamps every element to [<paramref name="min"/>, <paramref name="max"/>] (TorchSharp <c>clamp</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Clamp(this Tensor tensor, long min, long max)
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

    /// <summary>max(t, <paramref name="min"/>) elementwise (TorchSharp <c>clamp_min</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor ClampMin(this Tensor tensor, long min)
    {
        using var scalar = min.ToScalar();
        return tensor.clamp_min(scalar);
    }

    /// <summary>t ← max(t, <paramref name="min"/>) elementwise (TorchSharp <c>clamp_min_</c>); returns <paramref name="tensor"/>.</summary>
    public static Tensor ClampMinInPlace(this Tensor tensor, double min)
    {
        using var scalar = min.ToScalar();
        return tensor.clamp_min_(scalar);
    }

    /// <summary>t ← max(t, <paramref name="min"/>) elementwise (TorchSharp <c>clamp_min_</c>); returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor ClampMinInPlace(this Tensor tensor, long min)
    {
        using var scalar = min.ToScalar();
        return tensor.clamp_min_(scalar);
    }

    /// <summary>min(t, <paramref name="max"/>) elementwise (TorchSharp <c>clamp_max</c>).</summary>
    public static Tensor ClampMax(this Tensor tensor, double max)
    {
        using var scalar = max.ToScalar();
        return tensor.clamp_max(scalar);
    }

    /// <summary>min(t, <paramref name="max"/>) elementwise (TorchSharp <c>clamp_max</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor ClampMax(this Tensor tensor, long max)
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

    /// <summary>Sets every element to <paramref name="value"/> (TorchSharp <c>fill_</c>); returns <paramref name="tensor"/>. With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor FillInPlace(this Tensor tensor, long value)
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

    /// <summary>A new tensor of <paramref name="shape"/> filled with <paramref name="value"/> (TorchSharp <c>torch.full</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Full(long[] shape, long value, ScalarType dtype, Device? device = null)
    {
        using var scalar = value.ToScalar();
        return torch.full(shape, scalar, dtype: dtype, device: device);
    }

    /// <summary>Integers <paramref name="start"/>, start + 1, …, <paramref name="end"/> − 1 as <paramref name="dtype"/> (TorchSharp <c>arange</c> with held start, end and step 1).</summary>
    public static Tensor Arange(long start, long end, ScalarType dtype, Device? device = null)
    {
        using var first = start.ToScalar();
        using var stop = end.ToScalar();
        return torch.arange(first, stop, CachedScalars.One, dtype: dtype, device: device);
    }

    /// <summary><paramref name="start"/>, start + step, … below <paramref name="end"/> (TorchSharp <c>arange</c> with three held scalars).</summary>
    public static Tensor Arange(double start, double end, double step, ScalarType dtype, Device? device = null)
    {
        using var first = start.ToScalar();
        using var stop = end.ToScalar();
        using var increment = step.ToScalar();
        return torch.arange(first, stop, increment, dtype: dtype, device: device);
    }

    /// <summary>Elementwise t &gt; c as a boolean tensor (TorchSharp <c>gt</c>).</summary>
    public static Tensor Greater(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.gt(scalar);
    }

    /// <summary>Elementwise t &gt; c as a boolean tensor (TorchSharp <c>gt</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Greater(this Tensor tensor, long value)
    {
        using var scalar = value.ToScalar();
        return tensor.gt(scalar);
    }

    /// <summary>Elementwise t ≥ c as a boolean tensor (TorchSharp <c>ge</c>).</summary>
    public static Tensor GreaterOrEqual(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.ge(scalar);
    }

    /// <summary>Elementwise t ≥ c as a boolean tensor (TorchSharp <c>ge</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor GreaterOrEqual(this Tensor tensor, long value)
    {
        using var scalar = value.ToScalar();
        return tensor.ge(scalar);
    }

    /// <summary>Elementwise t &lt; c as a boolean tensor (TorchSharp <c>lt</c>).</summary>
    public static Tensor Less(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.lt(scalar);
    }

    /// <summary>Elementwise t &lt; c as a boolean tensor (TorchSharp <c>lt</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor Less(this Tensor tensor, long value)
    {
        using var scalar = value.ToScalar();
        return tensor.lt(scalar);
    }

    /// <summary>Elementwise t ≤ c as a boolean tensor (TorchSharp <c>le</c>).</summary>
    public static Tensor LessOrEqual(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.le(scalar);
    }

    /// <summary>Elementwise t ≤ c as a boolean tensor (TorchSharp <c>le</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor LessOrEqual(this Tensor tensor, long value)
    {
        using var scalar = value.ToScalar();
        return tensor.le(scalar);
    }

    /// <summary>Elementwise t = c as a boolean tensor (TorchSharp <c>eq</c>).</summary>
    public static Tensor EqualTo(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.eq(scalar);
    }

    /// <summary>Elementwise t = c as a boolean tensor (TorchSharp <c>eq</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor EqualTo(this Tensor tensor, long value)
    {
        using var scalar = value.ToScalar();
        return tensor.eq(scalar);
    }

    /// <summary>Elementwise t ≠ c as a boolean tensor (TorchSharp <c>ne</c>).</summary>
    public static Tensor NotEqualTo(this Tensor tensor, double value)
    {
        using var scalar = value.ToScalar();
        return tensor.ne(scalar);
    }

    /// <summary>Elementwise t ≠ c as a boolean tensor (TorchSharp <c>ne</c>). With an integer scalar, as TorchSharp's <c>int</c>/<c>long</c> overloads (integer tensors keep their dtype).</summary>
    public static Tensor NotEqualTo(this Tensor tensor, long value)
    {
        using var scalar = value.ToScalar();
        return tensor.ne(scalar);
    }

    /// <summary>t / c with a rounding mode (TorchSharp <c>div(c, rounding_mode)</c>), e.g. floor division of integer tensors.</summary>
    public static Tensor Divide(this Tensor tensor, long divisor, RoundingMode roundingMode)
    {
        using var scalar = divisor.ToScalar();
        return tensor.div(scalar, roundingMode);
    }
}
