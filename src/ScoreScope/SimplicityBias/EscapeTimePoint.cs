namespace ScoreScope.SimplicityBias;

/// <summary>The escape times at one dimension.</summary>
/// <param name="Dimension">d.</param>
/// <param name="LearningRate">η used at d.</param>
/// <param name="Escaped">Replicas that escaped within the budget.</param>
/// <param name="Censored">Replicas that did not.</param>
/// <param name="Budget">The step budget.</param>
/// <param name="MeanSteps">Mean escape step of the escaped replicas.</param>
/// <param name="StandardError">Its standard error (NaN for fewer than two).</param>
/// <param name="MedianSteps">Median escape step of the escaped replicas.</param>
public sealed record EscapeTimePoint(int Dimension, double LearningRate, int Escaped, int Censored, long Budget,
    double MeanSteps, double StandardError, double MedianSteps);
