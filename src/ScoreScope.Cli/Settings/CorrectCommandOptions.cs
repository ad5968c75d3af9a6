namespace ScoreScope.Cli.Settings;

/// <summary>The options of a <c>scorescope correct</c> run, as recorded in its config.json.</summary>
/// <param name="Target">The target distribution (built-in name).</param>
/// <param name="Model">The trained run folder (absolute path) of the proposals, or null for the exact score of <paramref name="Data"/>.</param>
/// <param name="Data">The distribution whose exact score proposes (without a model), or null.</param>
/// <param name="Process">The forward process of the proposals.</param>
/// <param name="Proposals">Number of proposals.</param>
/// <param name="Seed">Seed of the prior draws and of the Metropolis uniforms.</param>
/// <param name="MinimumTime">t_min of the proposals and the target p_{t_min}.</param>
/// <param name="RelativeTolerance">rtol of the ODE solve.</param>
/// <param name="AbsoluteTolerance">atol of the ODE solve.</param>
/// <param name="BatchSize">Proposals solved together.</param>
public sealed record CorrectCommandOptions(string Target, string? Model, string? Data, string Process, long Proposals, ulong Seed,
    double MinimumTime, double RelativeTolerance, double AbsoluteTolerance, long BatchSize);
