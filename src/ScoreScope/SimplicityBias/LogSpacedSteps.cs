namespace ScoreScope.SimplicityBias;

/// <summary>Distinct integer steps 0, then ≈ log-spaced from 1 to n (the order-parameter logging grid).</summary>
public static class LogSpacedSteps
{
    /// <summary>0 and round(n^{j/(k−1)}), j = 0 … k − 1, without duplicates, ascending; always ends at n.</summary>
    public static long[] Grid(long steps, int points)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "must be ≥ 1.");
        if (points < 1) throw new ArgumentOutOfRangeException(nameof(points), points, "must be ≥ 1.");
        var grid = new SortedSet<long> { 0, steps };
        for (int j = 0; j < points; j++)
            grid.Add(points == 1 ? steps : (long)Math.Round(Math.Exp(Math.Log(steps) * j / (points - 1))));
        return [.. grid];
    }
}
