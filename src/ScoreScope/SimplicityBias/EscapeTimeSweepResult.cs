using ScoreScope.Analysis;

namespace ScoreScope.SimplicityBias;

/// <summary>The escape-time sweep: one point per dimension and the fit steps ∝ d^γ (null with fewer than three escaped points).</summary>
/// <param name="Points">The per-dimension escape times.</param>
/// <param name="Fit">γ ± SE from a least-squares fit of log mean steps on log d.</param>
public sealed record EscapeTimeSweepResult(IReadOnlyList<EscapeTimePoint> Points, PowerLawFit? Fit);
