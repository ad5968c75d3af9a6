using static TorchSharp.torch;

namespace ScoreScope.Numerics;

/// <summary>
/// Deterministic derivation of independent seeds (SplitMix64) so that every random stream in ScoreScope — per noise
/// block in a sampler, per purpose in an experiment — comes from one user seed and nothing global.
/// </summary>
public static class Seeds
{
    /// <summary>Derives a child seed from a parent seed and a stream index with the SplitMix64 finaliser.</summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        ulong z = seed + 0x9E3779B97F4A7C15UL * (stream + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Derives a child seed for a named purpose (e.g. "reference-samples"), stable across runs and platforms.</summary>
    public static ulong Derive(ulong seed, string purpose)
    {
        ulong h = 14695981039346656037UL; // FNV-1a
        foreach (char c in purpose) { h ^= c; h *= 1099511628211UL; }
        return Derive(seed, h);
    }

    /// <summary>A new CPU <see cref="Generator"/> seeded with <paramref name="seed"/>.</summary>
    public static Generator Generator(ulong seed) => new(seed, device: CPU);
}
