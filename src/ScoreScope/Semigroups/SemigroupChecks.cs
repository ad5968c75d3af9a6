namespace ScoreScope.Semigroups;

/// <summary>Argument checks shared by the semigroup types.</summary>
static class SemigroupChecks
{
    /// <summary>Throws unless t is finite and positive (or zero when allowed).</summary>
    public static void RequireTime(double time, bool allowZero = false)
    {
        if (!double.IsFinite(time) || time < 0 || (!allowZero && time == 0))
            throw new ArgumentOutOfRangeException(nameof(time), time, allowZero ? "t must be finite and ≥ 0." : "t must be finite and > 0.");
    }

    /// <summary>Throws unless the basis size is at least 1.</summary>
    public static void RequireBasisSize(int basisSize, string name)
    {
        if (basisSize < 1)
            throw new ArgumentOutOfRangeException(name, basisSize, "the basis size must be ≥ 1.");
    }
}
