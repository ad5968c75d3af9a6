using ScoreScope.Analysis;

namespace ScoreScope.Experiments.Cumulants;

/// <summary>One tracked run of the toy experiment: its name, the cumulant track and the final-sample cumulants.</summary>
/// <param name="Name">e.g. <c>ve-exact</c>, <c>vp-trained</c>, <c>forward-ve</c>.</param>
/// <param name="Track">κ_n at the recorded times with the analytic forward law as overlay.</param>
/// <param name="Final">κ_1..κ_8 of the final samples (jackknife and bootstrap errors).</param>
/// <param name="Count">Samples behind <paramref name="Final"/>.</param>
public sealed record TrackedRun(string Name, CumulantTrack Track, IReadOnlyList<CumulantEstimate> Final, long Count)
{
    /// <summary>The final κ_n (1-based order).</summary>
    public CumulantEstimate Kappa(int n) => Final[n - 1];

    /// <summary>The run's final cumulants as the last recorded time of its track.</summary>
    public static TrackedRun FromTrack(string name, CumulantTrack track, bool atLastTime = true)
    {
        ArgumentNullException.ThrowIfNull(track);
        double time = atLastTime ? track.Points[^1].Time : track.Points[0].Time;
        var final = track.Points.Where(p => p.Time == time).OrderBy(p => p.Order).Select(p => p.Estimate).ToArray();
        return new TrackedRun(name, track, final, track.Count);
    }
}
