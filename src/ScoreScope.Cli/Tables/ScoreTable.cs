using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Scores;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--score</c>: where the score the sampler follows comes from.</summary>
public static class ScoreTable
{
    /// <summary>
    /// Valid names: <c>exact</c> (the closed-form score of the data distribution pushed through the process) and
    /// <c>model</c> (a trained model, loaded by <see cref="Runs.TrainedRun"/> from <c>--model</c>).
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = ["exact", "model"];

    /// <summary>The score function named <paramref name="name"/> for <paramref name="data"/> under <paramref name="process"/>.</summary>
    public static IScoreFunction Create(string name, ExactDistribution data, ForwardProcess process) => name switch
    {
        "exact" => data.ScoreFunction(process),
        "model" => throw new ArgumentException("--score model needs --model FOLDER (a run written by 'scorescope train')", nameof(name)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown score '{name}'; valid: {string.Join(", ", Names)}"),
    };
}
