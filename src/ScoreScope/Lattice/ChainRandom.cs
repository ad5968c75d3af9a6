using System.Numerics;
using ScoreScope.Numerics;

namespace ScoreScope.Lattice;

/// <summary>
/// The random stream of one Markov chain: xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64
/// (<see cref="Seeds.Derive(ulong, ulong)"/>), with uniform doubles (53 bits) and standard normals (Box–Muller).
/// Cheap and allocation-free, for the per-site draws of HMC momenta and single-site updates.
/// </summary>
public sealed class ChainRandom
{
    ulong _s0, _s1, _s2, _s3;
    double _spare = double.NaN;

    /// <summary>Creates the stream of <paramref name="seed"/>.</summary>
    public ChainRandom(ulong seed)
    {
        _s0 = Seeds.Derive(seed, 0UL);
        _s1 = Seeds.Derive(seed, 1UL);
        _s2 = Seeds.Derive(seed, 2UL);
        _s3 = Seeds.Derive(seed, 3UL);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (!double.IsNaN(_spare))
        {
            double spare = _spare;
            _spare = double.NaN;
            return spare;
        }
        double u = 1.0 - NextDouble(), v = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u));
        (double sin, double cos) = Math.SinCos(2 * Math.PI * v);
        _spare = radius * sin;
        return radius * cos;
    }
}
