namespace ScoreScope.Analysis;

/// <summary>One measured cumulant along a process trajectory, with the analytic forward prediction.</summary>
/// <param name="Time">The process time t.</param>
/// <param name="Order">The cumulant order n.</param>
/// <param name="Estimate">κ̂_n(t) with jackknife and bootstrap errors.</param>
/// <param name="Analytic">a(t)ⁿκ_n(0) + δ_{n2}b(t)²|w|² (Aarts et al. 2024, arXiv 2410.21212), or NaN when unknown.</param>
public readonly record struct CumulantTrackPoint(double Time, int Order, CumulantEstimate Estimate, double Analytic);
