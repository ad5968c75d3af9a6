namespace ScoreScope.Analysis;

/// <summary>A one-sample Kolmogorov–Smirnov test result.</summary>
/// <param name="Statistic">D_n = sup |F_n − F|.</param>
/// <param name="PValue">The asymptotic p-value Q_KS((√n + 0.12 + 0.11/√n)·D_n) (Stephens 1970; Press et al., Numerical Recipes §14.3).</param>
/// <param name="Count">The sample size n.</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, int Count);
