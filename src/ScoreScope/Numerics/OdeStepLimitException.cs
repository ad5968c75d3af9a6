namespace ScoreScope.Numerics;

/// <summary>
/// An adaptive ODE solve could not reach its end time: the step limit was exhausted or the step size fell below the
/// resolution of the time variable (a stiff or non-finite right-hand side).
/// </summary>
public sealed class OdeStepLimitException : Exception
{
    /// <summary>Creates the exception with the time reached and the reason.</summary>
    public OdeStepLimitException(double timeReached, double endTime, string reason)
        : base($"the ODE solve stopped at t = {timeReached:R} before t₁ = {endTime:R}: {reason}")
    {
        TimeReached = timeReached;
        EndTime = endTime;
    }

    /// <summary>The time the solve had reached.</summary>
    public double TimeReached { get; }

    /// <summary>The end time it was asked to reach.</summary>
    public double EndTime { get; }
}
