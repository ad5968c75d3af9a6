using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Scores;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--score</c>: where the score the sampler follows comes from.</summary>
public static class ScoreTable
{
    /// <summary>Valid names: <c>exact</c> (the closed-form score of the data distribution pushed through the process).</summary>
    public static IReadOnlyList<string> Names { get; } = ["exact"];

    /// <summary>The score function named <paramref name="name"/> for <paramref name="data"/> under <paramref name="process"/>.</summary>
    public static IScoreFunction Create(string name, ExactDistribution data, ForwardProcess process) => name switch
    {
        "exact" => data.ScoreFunction(process),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown score '{name}'; valid: {string.Join(", ", Names)}"),
    };
}
