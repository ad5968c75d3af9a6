namespace ScoreScope.SimplicityBias;

/// <summary>The mean over seeds of an order parameter at each logged step with its standard error s/√n.</summary>
/// <param name="Steps">The logged steps.</param>
/// <param name="Mean">The mean over the replicas that reached the step.</param>
/// <param name="StandardError">The sample standard deviation over √n (NaN for n &lt; 2).</param>
/// <param name="Count">The number of replicas n that reached the step.</param>
public sealed record SeedBand(long[] Steps, double[] Mean, double[] StandardError, int[] Count);
