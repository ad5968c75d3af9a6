using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScoreScope.Numerics;

/// <summary>
/// A seeded <see cref="Random"/> for hot sampling loops: four independent xoshiro256+ generators advanced together in
/// 256-bit vectors, uniforms taken from the top 52 bits, delivered through a 256-entry buffer so that
/// <see cref="NextDouble"/> and bulk <see cref="NextDoubles"/> read one stream. <see cref="StandardNormalDraws.Fill"/>
/// recognises it and fills its uniform blocks in bulk (the per-call cost of a seeded <see cref="Random"/>'s
/// <see cref="Random.NextDouble"/> dominated the single-neuron SGD step).
/// </summary>
/// <remarks>
/// Blackman &amp; Vigna (2021), "Scrambled linear pseudorandom number generators", ACM TOMS 47(4): xoshiro256+ (period
/// 2²⁵⁶ − 1 per lane; its weak low bits are discarded by the 52-bit double conversion u = (x ≫ 12)·2⁻⁵² ∈ [0, 1)). The
/// 16 state words are SplitMix64 outputs from the seed (Vigna's recommended seeding). The stream differs from
/// <see cref="Random"/>'s for the same seed; it is a deterministic function of the seed and the sequence of calls.
/// Not thread-safe (like <see cref="Random"/> instances).
/// </remarks>
public sealed class Xoshiro256Random : Random
{
    const int BufferLength = 256;

    Vector256<ulong> _s0, _s1, _s2, _s3;
    readonly double[] _buffer = new double[BufferLength];
    int _position = BufferLength;
    Vector256<ulong> _words;
    int _wordPosition = Vector256<ulong>.Count;

    /// <summary>Creates the generator from a 64-bit seed.</summary>
    public Xoshiro256Random(ulong seed)
    {
        ulong x = seed;
        Span<ulong> words = stackalloc ulong[16];
        for (int i = 0; i < words.Length; i++) words[i] = SplitMix64(ref x);
        _s0 = Vector256.Create(words[0], words[1], words[2], words[3]);
        _s1 = Vector256.Create(words[4], words[5], words[6], words[7]);
        _s2 = Vector256.Create(words[8], words[9], words[10], words[11]);
        _s3 = Vector256.Create(words[12], words[13], words[14], words[15]);
    }

    /// <summary>A uniform draw from [0, 1) with 52 random bits.</summary>
    public override double NextDouble()
    {
        if (_position == BufferLength) Refill();
        return _buffer[_position++];
    }

    /// <summary>Fills <paramref name="destination"/> with the next uniform draws from [0, 1) (the same stream as
    /// repeated <see cref="NextDouble"/>).</summary>
    public void NextDoubles(Span<double> destination)
    {
        while (destination.Length > 0)
        {
            if (_position == BufferLength) Refill();
            int take = Math.Min(destination.Length, BufferLength - _position);
            _buffer.AsSpan(_position, take).CopyTo(destination);
            _position += take;
            destination = destination[take..];
        }
    }

    /// <summary>The next raw 64-bit output (one lane of a fresh state advance, buffered four at a time; its lowest bits
    /// are xoshiro256+'s weak ones — use the upper bits). A stream separate in position from the buffered uniforms
    /// but advancing the same state.</summary>
    public ulong NextUInt64()
    {
        if (_wordPosition == Vector256<ulong>.Count)
        {
            _words = Advance();
            _wordPosition = 0;
        }
        return _words.GetElement(_wordPosition++);
    }

    /// <summary>Fills <paramref name="destination"/> with raw 64-bit outputs straight from the state (four per advance;
    /// a tail shorter than four discards the rest of its advance). The lowest bits are xoshiro256+'s weak ones: use the
    /// upper bits, as <see cref="ZigguratNormal"/> does.</summary>
    public void NextUInt64s(Span<ulong> destination)
    {
        int whole = destination.Length - destination.Length % Vector256<ulong>.Count;
        // the state in locals (registers) for the bulk loop
        Vector256<ulong> s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        ref ulong target = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < whole; i += Vector256<ulong>.Count) Step(ref s0, ref s1, ref s2, ref s3).StoreUnsafe(ref target, (nuint)i);
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        if (whole < destination.Length)
        {
            Span<ulong> last = stackalloc ulong[Vector256<ulong>.Count];
            Advance().CopyTo(last);
            last[..(destination.Length - whole)].CopyTo(destination[whole..]);
        }
    }

    /// <inheritdoc/>
    protected override double Sample() => NextDouble();

    /// <inheritdoc/>
    public override int Next() => (int)(NextDouble() * int.MaxValue);

    void Refill()
    {
        var exponent = Vector256.Create(0x3FF0000000000000UL);
        var one = Vector256<double>.One;
        for (int i = 0; i < BufferLength; i += 4)
        {
            var result = Advance();
            // 1.m with the top 52 bits as mantissa, minus 1: uniform on [0, 1) in steps of 2⁻⁵²
            var value = (Vector256.ShiftRightLogical(result, 12) | exponent).AsDouble() - one;
            value.CopyTo(_buffer, i);
        }
        _position = 0;
    }

    /// <summary>One xoshiro256+ step of the four lanes; returns their outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    Vector256<ulong> Advance() => Step(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>The xoshiro256+ step on a state (s₀, s₁, s₂, s₃), each holding four lanes; returns s₀ + s₃ before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<ulong> Step(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var result = s0 + s3;
        var t = Vector256.ShiftLeft(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Vector256.ShiftLeft(s3, 45) | Vector256.ShiftRightLogical(s3, 19);
        return result;
    }

    static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
