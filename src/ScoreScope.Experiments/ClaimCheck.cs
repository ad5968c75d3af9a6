namespace ScoreScope.Experiments;

/// <summary>
/// One checkable claim of a <c>scorescope reproduce</c> experiment: what the paper or the closed form says, what this
/// run measured (with its error) and whether the claim holds at the stated tolerance.
/// </summary>
/// <param name="Name">Short identifier, e.g. <c>ve-backward-kappa4</c>.</param>
/// <param name="Expected">The claimed value or relation, e.g. <c>-1.99895</c> or <c>m̂ = 40</c>.</param>
/// <param name="Measured">The measurement with its error, e.g. <c>-2.0031 ± 0.0042</c>.</param>
/// <param name="Tolerance">How agreement is judged, e.g. <c>4 SE</c>, <c>1%</c>, <c>1e-8</c>.</param>
/// <param name="Holds">Whether the measurement agrees with the claim within the tolerance.</param>
/// <param name="Checked">
/// True for a claim that <c>--check</c> enforces (an exact oracle, an acceptance criterion). False for a <em>finding</em>:
/// a paper's hypothesis tested honestly at this run's budget, reported with its outcome but not turned into a failure
/// (e.g. "the x̂₀ parametrisation pollutes less than ε"), so that <c>--check</c> stays a regression check of the
/// software rather than a vote on the science.
/// </param>
public sealed record ClaimCheck(string Name, string Expected, string Measured, string Tolerance, bool Holds, bool Checked = true);
