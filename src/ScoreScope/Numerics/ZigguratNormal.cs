using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScoreScope.Numerics;

/// <summary>
/// Standard normal draws by the ziggurat method from a <see cref="Xoshiro256Random"/>: one raw 64-bit word per draw,
/// and for ≈ 98.5% of draws no more than a table lookup, a product and a comparison. <see cref="StandardNormalDraws"/>
/// uses it for every <see cref="Xoshiro256Random"/> (the generator of the single-neuron SGD loops, whose Box–Muller
/// draws were ~80% of a step).
/// </summary>
/// <remarks>
/// Marsaglia &amp; Tsang (2000), "The ziggurat method for generating random variables", J. Stat. Softw. 5(8), with 256
/// strips of equal area v under f(x) = exp(−x²/2): x₁ = r = 3.6541528853610088, v = r f(r) + ∫_r^∞ f,
/// x₀ = v/f(r) (the base strip, holding the tail), xᵢ = f⁻¹(v/xᵢ₋₁ + f(xᵢ₋₁)), x₂₅₆ = 0. A draw takes strip
/// i and a symmetric uniform u ∈ [−1, 1) from disjoint bits of one word — i from the top 8 bits, u from the 52 bits
/// below them, so that the strip index is independent of the value (Doornik 2005, "An improved ziggurat method to
/// generate normal random samples"), and xoshiro256+'s weak low bits are unused — and returns x = u·xᵢ when
/// |x| &lt; xᵢ₊₁. Otherwise, for i ≥ 1 it accepts x when a uniform height in [f(xᵢ), f(xᵢ₊₁)] falls below f(x), and for
/// i = 0 it draws from the tail |x| &gt; r by Marsaglia's (1964) method: e₁ = −ln U₁/r, e₂ = −ln U₂, accepted when
/// 2e₂ ≥ e₁², giving ±(r + e₁). A rejected draw starts again with a fresh word. The tables are built in float64 at
/// type initialisation; the construction closes to ≈ 10⁻¹⁵ (v/x₂₅₅ + f(x₂₅₅) = f(0) = 1, tested).
/// </remarks>
public static class ZigguratNormal
{
    const int Strips = 256;
    const int ChunkLength = 256;

    /// <summary>r, the right edge of the base strip's rectangle part (Marsaglia &amp; Tsang's 256-strip constant).</summary>
    public const double TailStart = 3.6541528853610088;

    /// <summary>v, the area of every strip: r f(r) + ∫_r^∞ exp(−x²/2) dx.</summary>
    public static readonly double StripArea =
        TailStart * Math.Exp(-0.5 * TailStart * TailStart) + Math.Sqrt(Math.PI / 2) * MathNet.Numerics.SpecialFunctions.Erfc(TailStart / Math.Sqrt(2));

    static readonly double[] Edges = BuildEdges();
    static readonly double[] Heights = Edges.Select(x => Math.Exp(-0.5 * x * x)).ToArray();

    /// <summary>(x₀, x₁, x₁, x₂, …, x₂₅₅, x₂₅₆): strip i's outer and inner edge side by side at 2i (2i is the word shifted right by
    /// 55 with its lowest bit, the word's bit 55, cleared).</summary>
    static readonly double[] EdgePairs = Enumerable.Range(0, Strips).SelectMany(i => new[] { Edges[i], Edges[i + 1] }).ToArray();

    /// <summary>The strip edges x₀ &gt; x₁ = r &gt; … &gt; x₂₅₅ &gt; x₂₅₆ = 0 (a copy).</summary>
    public static double[] StripEdges() => (double[])Edges.Clone();

    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) draws, one raw word of
    /// <paramref name="random"/> each (plus more for the ≈ 1.5% that take the wedge or tail path). Allocates nothing.</summary>
    public static void Fill(Xoshiro256Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<ulong> words = stackalloc ulong[Math.Min(ChunkLength, destination.Length)];
        for (int offset = 0; offset < destination.Length; offset += words.Length)
        {
            var chunk = destination.Slice(offset, Math.Min(words.Length, destination.Length - offset));
            var bits = words[..chunk.Length];
            random.NextUInt64s(bits);
            int k = 0;
            if (Avx.IsSupported)
            {
                // four draws at a time; the same arithmetic as the scalar loop below, so the values are bit-identical.
                // (xᵢ, xᵢ₊₁) of each lane is one 16-byte load from the pair table, transposed by two unpacks.
                ref double pairs = ref MemoryMarshal.GetArrayDataReference(EdgePairs);
                ref ulong source = ref MemoryMarshal.GetReference(bits);
                ref double target = ref MemoryMarshal.GetReference(chunk);
                for (; k + 4 <= chunk.Length; k += 4)
                {
                    ulong w0 = Unsafe.Add(ref source, k), w1 = Unsafe.Add(ref source, k + 1);
                    ulong w2 = Unsafe.Add(ref source, k + 2), w3 = Unsafe.Add(ref source, k + 3);
                    var word = Vector256.LoadUnsafe(ref source, (nuint)k);
                    var lanes02 = Vector256.Create(
                        Vector128.LoadUnsafe(ref pairs, (nuint)((w0 >> 55) & ~1UL)), Vector128.LoadUnsafe(ref pairs, (nuint)((w2 >> 55) & ~1UL)));
                    var lanes13 = Vector256.Create(
                        Vector128.LoadUnsafe(ref pairs, (nuint)((w1 >> 55) & ~1UL)), Vector128.LoadUnsafe(ref pairs, (nuint)((w3 >> 55) & ~1UL)));
                    var edge = Avx.UnpackLow(lanes02, lanes13);
                    var inner = Avx.UnpackHigh(lanes02, lanes13);
                    var x = (((word >> 4) & Vector256.Create(MantissaMask)) | Vector256.Create(TwoBits)).AsDouble() - Vector256.Create(3.0);
                    x *= edge;
                    x.StoreUnsafe(ref target, (nuint)k);
                    uint accepted = Vector256.LessThan(Vector256.Abs(x), inner).ExtractMostSignificantBits();
                    if (accepted == 0b1111) continue;
                    for (int lane = 0; lane < 4; lane++)
                        if ((accepted & (1u << lane)) == 0) chunk[k + lane] = Rejected(random, (int)(bits[k + lane] >> 56), chunk[k + lane]);
                }
            }
            for (; k < chunk.Length; k++) chunk[k] = InnerRectangle(bits[k], out int strip, out double x) ? x : Rejected(random, strip, x);
        }
    }

    /// <summary>One N(0, 1) draw.</summary>
    public static double Next(Xoshiro256Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return InnerRectangle(random.NextUInt64(), out int strip, out double x) ? x : Rejected(random, strip, x);
    }

    /// <summary>The fast path of one word: strip i, x = u·xᵢ, and whether |x| &lt; xᵢ₊₁ (x is then a draw).</summary>
    static bool InnerRectangle(ulong word, out int strip, out double x)
    {
        strip = (int)(word >> 56);
        x = SymmetricUniform(word) * Edges[strip];
        return Math.Abs(x) < Edges[strip + 1];
    }

    const ulong MantissaMask = (1UL << 52) - 1, TwoBits = 0x4000000000000000UL;

    /// <summary>u ∈ [−1, 1) in steps of 2⁻⁵¹: the double 2.m with bits 4…55 of the word as its 52-bit mantissa m, minus 3
    /// (disjoint from the strip index in bits 56…63).</summary>
    static double SymmetricUniform(ulong word) => BitConverter.UInt64BitsToDouble(((word >> 4) & MantissaMask) | TwoBits) - 3.0;

    /// <summary>The slow path of a draw x = u·xᵢ outside the strip's inner rectangle: the wedge test, the tail, or a
    /// fresh draw.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static double Rejected(Xoshiro256Random random, int strip, double x)
    {
        while (true)
        {
            if (strip == 0)
            {
                double e1, e2;
                do
                {
                    e1 = -Math.Log(1.0 - random.NextDouble()) / TailStart;
                    e2 = -Math.Log(1.0 - random.NextDouble());
                }
                while (2 * e2 < e1 * e1);
                return x < 0 ? -(TailStart + e1) : TailStart + e1;
            }
            if (Heights[strip] + (Heights[strip + 1] - Heights[strip]) * random.NextDouble() < Math.Exp(-0.5 * x * x)) return x;
            if (InnerRectangle(random.NextUInt64(), out strip, out x)) return x;
        }
    }

    static double[] BuildEdges()
    {
        var x = new double[Strips + 1];
        double r = TailStart, v = StripArea;
        x[0] = v / Math.Exp(-0.5 * r * r);
        x[1] = r;
        for (int i = 2; i < Strips; i++) x[i] = Math.Sqrt(-2 * Math.Log(v / x[i - 1] + Math.Exp(-0.5 * x[i - 1] * x[i - 1])));
        x[Strips] = 0;
        return x;
    }
}
