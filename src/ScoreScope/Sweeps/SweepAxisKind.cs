namespace ScoreScope.Sweeps;

/// <summary>How a <see cref="SweepAxis"/> combines its option lists.</summary>
public enum SweepAxisKind
{
    /// <summary>One option and its values; several grid axes form a Cartesian product.</summary>
    Grid,

    /// <summary>Several options with lists of equal length, taken pairwise (the i-th value of each together).</summary>
    Zip,

    /// <summary>The <c>seed</c> option over a list of seeds (a grid axis with its own name).</summary>
    Seeds,
}
