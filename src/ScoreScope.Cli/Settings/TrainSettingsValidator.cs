using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Tables;
using static ScoreScope.Cli.Settings.SettingChecks;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// Checks resolved <see cref="TrainSettings"/> (flags, config file or defaults) before anything is loaded or written.
/// Each failure is a <see cref="UsageException"/> naming the option, the bad value and what is valid.
/// </summary>
public static class TrainSettingsValidator
{
    /// <summary>The largest accepted <c>--steps</c>.</summary>
    public const int MaxSteps = 100_000_000;

    /// <summary>Throws on the first invalid option of <paramref name="s"/>.</summary>
    public static void Validate(TrainSettings s, SettingOrigins origins)
    {
        string Name(string key) => origins.Describe(key);

        DatasetTable.Validate(s.Data, Name("data"));
        Process(s.Process, SettingsResolution.ProcessParametersOf(s), origins);
        OneOf(s.Net, NetworkTable.Names, Name("net"));
        foreach (var key in new[] { "width", "depth", "channels", "levels" })
        {
            if (origins.IsGiven(key) && !NetworkTable.SizeKeys(s.Net).Contains(key))
            {
                var owner = NetworkTable.Names.First(n => NetworkTable.SizeKeys(n).Contains(key));
                throw new UsageException($"{Name(key)} applies only to --net {owner} (got --net {s.Net})");
            }
        }
        foreach (var (key, value) in new[] { ("width", s.Width), ("depth", s.Depth), ("channels", s.Channels), ("levels", s.Levels) })
        {
            if (value is { } v)
            {
                IntegerIn(v, 1, 1 << 16, Name(key));
            }
        }
        OneOf(NetworkTable.CanonicalParametrisation(s.Param), NetworkTable.ParametrisationNames, Name("param"));
        OneOf(s.Loss, LossTable.Names, Name("loss"));
        OneOf(s.Weighting, LossTable.WeightingNames, Name("weighting"));
        OneOf(s.TimeSampling, LossTable.TimeSamplingNames, Name("time-sampling"));
        if (!(s.TMin > 0 && s.TMin < 1))
        {
            throw new UsageException($"{Name("t-min")} must be in (0, 1), the end time being T = 1 (got {F(s.TMin)})");
        }
        IntegerIn(s.Steps, 1, MaxSteps, Name("steps"));
        IntegerIn(s.Batch, 1, 1 << 24, Name("batch"));
        if (!(s.Lr > 0 && s.Lr <= 1))
        {
            throw new UsageException($"{Name("lr")} must be in (0, 1] (got {F(s.Lr)})");
        }
        IntegerIn(s.Warmup, 0, int.MaxValue, Name("warmup"));
        if (!(s.Ema >= 0 && s.Ema < 1))
        {
            throw new UsageException($"{Name("ema")} must be in [0, 1), e.g. 0.999 (got {F(s.Ema)})");
        }
        IntegerIn(s.Threads, 1, SampleSettingsValidator.MaxThreads, Name("threads"));
        IntegerIn(s.CheckpointEvery, 0, int.MaxValue, Name("checkpoint-every"));
        IntegerIn(s.EvaluateEvery, 1, int.MaxValue, Name("evaluate-every"));
        OneOf(s.Device, DeviceTable.Names, Name("device"));
    }
}
