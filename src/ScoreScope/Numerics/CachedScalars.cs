using TorchSharp;

namespace ScoreScope.Numerics;

/// <summary>
/// TorchSharp <see cref="Scalar"/>s for common constants, created once and kept reachable for the life of the process
/// (static fields, never disposed, never finalised), so they can be passed to any scalar-taking TorchSharp call from any
/// thread.
/// </summary>
/// <remarks>
/// <para>
/// Why: TorchSharp 0.107 passes <c>scalar.Handle</c> to native code without <c>GC.KeepAlive</c>. A temporary
/// <see cref="Scalar"/> — every implicit conversion such as <c>t * 0.3</c>, <c>t.add(b)</c> (which calls
/// <c>add(b, 1)</c>) or <c>t.square()</c> (which calls <c>pow(2)</c>) — is unreachable while libtorch reads it, and a
/// garbage collection started by any other thread lets the finalizer <c>~Scalar</c> free it first: "Unknown scalar type",
/// "INTERNAL ASSERT FAILED at Scalar.h" or silently wrong numbers. Upstream fixes are open as TorchSharp pull requests
/// #1434 and #1496 ("Dispose implicitly converted Scalar"); no fixed TorchSharp release is served (0.107.0 is the newest).
/// </para>
/// <para>
/// The integral constants are integer scalars, as TorchSharp's own defaults (<c>add(b, 1)</c>, <c>pow(2)</c>), so
/// replacing those defaults by these fields is the same native operation, bit for bit, and they also work on integer
/// tensors. Never dispose these fields. For any other value use <see cref="ScalarArithmetic"/>, or hold the scalar in a
/// <c>using var s = value.ToScalar();</c> across the call.
/// </para>
/// </remarks>
public static class CachedScalars
{
    /// <summary>The integer 0.</summary>
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>The integer 1: the default <c>alpha</c> of <c>add</c>, and the unit of addition helpers.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>The integer −1.</summary>
    public static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary>The integer 2: the exponent of <c>square()</c> (which TorchSharp implements as <c>pow(2)</c>).</summary>
    public static readonly Scalar Two = 2.ToScalar();

    /// <summary>The double 0.5.</summary>
    public static readonly Scalar Half = 0.5.ToScalar();

    /// <summary>The double −0.5.</summary>
    public static readonly Scalar MinusHalf = (-0.5).ToScalar();
}
