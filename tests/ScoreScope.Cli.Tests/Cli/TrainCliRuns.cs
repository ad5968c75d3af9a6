namespace ScoreScope.Tests.Cli;

/// <summary>Tiny training budgets for the CLI tests of train, evaluate and sample --model (about a second each).</summary>
internal static class TrainCliRuns
{
    /// <summary>Flags of a tiny gmm8 run: a 16 × 1 MLP, 40 steps of 64, checkpoints and metrics every 20 steps.</summary>
    public static string[] Tiny(string output, string process = "vp", int steps = 40) =>
    [
        "train", "--data", "gmm8", "--process", process, "--width", "16", "--depth", "1", "--steps", steps.ToString(),
        "--batch", "64", "--warmup", "5", "--checkpoint-every", "20", "--evaluate-every", "20", "--seed", "5", "--out", output,
    ];

    /// <summary>
    /// The tiny run's flags with <paramref name="overrides"/> (flag, value pairs) replacing or extending them; a
    /// different <c>--net</c> drops the MLP sizes.
    /// </summary>
    public static string[] With(string output, string[] overrides)
    {
        var tiny = Tiny(output);
        var flags = new List<(string Flag, string Value)>();
        for (int i = 1; i < tiny.Length; i += 2)
        {
            flags.Add((tiny[i], tiny[i + 1]));
        }
        var given = Enumerable.Range(0, overrides.Length / 2).Select(i => overrides[2 * i]).ToHashSet();
        if (given.Contains("--net"))
        {
            given.UnionWith(["--width", "--depth"]);
        }
        return ["train", .. flags.Where(f => !given.Contains(f.Flag)).SelectMany(f => new[] { f.Flag, f.Value }), .. overrides];
    }

    /// <summary>Trains a tiny model into <paramref name="output"/> and asserts success.</summary>
    public static void Train(string output, string process = "vp")
    {
        var result = CliHarness.Run(Tiny(output, process));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
