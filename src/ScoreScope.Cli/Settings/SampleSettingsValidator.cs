using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Tables;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// Checks resolved <see cref="SampleSettings"/> (from flags, a config file or defaults) before anything is loaded or
/// written. Each failure is a <see cref="UsageException"/> whose message names the option, the bad value and the
/// valid range.
/// </summary>
public static class SampleSettingsValidator
{
    /// <summary>The largest accepted <c>--steps</c>.</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>The largest accepted <c>--threads</c>.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Throws on the first invalid option of <paramref name="s"/>.</summary>
    public static void Validate(SampleSettings s, SettingOrigins origins)
    {
        string Name(string key) => origins.Describe(key);

        DatasetTable.Validate(s.Data, Name("data"));
        SettingChecks.Process(s.Process, SettingsResolution.ProcessParametersOf(s), origins);
        OneOf(s.Score, ScoreTable.Names, Name("score"));
        if (s.Score == "model" && s.Model is null)
        {
            throw new UsageException($"{Name("score")} model needs --model FOLDER (a run written by 'scorescope train')");
        }
        OneOf(s.Sampler, SamplerTable.Names, Name("sampler"));
        if (s.Steps < 1 || s.Steps > MaxSteps)
        {
            throw new UsageException($"{Name("steps")} must be an integer in [1, {MaxSteps}] (got {s.Steps})");
        }
        OneOf(s.Grid, TimeGridTable.Names, Name("grid"));
        if (!(s.TMin > 0 && s.TMin < 1))
        {
            throw new UsageException($"{Name("t-min")} must be in (0, 1), the end time being T = 1 (got {F(s.TMin)})");
        }
        if (s.SigmaEnd is { } sigmaEnd)
        {
            if (origins.IsFlag("t-min") && origins.IsFlag("sigma-end"))
                throw new UsageException($"{Name("sigma-end")} and {Name("t-min")} both set where sampling ends; give one of them");
            SettingChecks.PositiveFinite(sigmaEnd, Name("sigma-end"));
        }
        if (origins.IsGiven("snr") && !SamplerTable.UsesSnr(s.Sampler))
        {
            throw new UsageException($"{Name("snr")} applies only to --sampler pc (got --sampler {s.Sampler})");
        }
        if (s.Snr is { } snr && !(snr > 0))
        {
            throw new UsageException($"{Name("snr")} must be > 0 (got {F(snr)})");
        }
        foreach (var (key, value) in new[] { ("rtol", s.Rtol), ("atol", s.Atol) })
        {
            if (origins.IsGiven(key) && !SamplerTable.UsesTolerances(s.Sampler))
                throw new UsageException($"{Name(key)} applies only to --sampler rk45 (got --sampler {s.Sampler})");
            if (value is { } tolerance) SettingChecks.PositiveFinite(tolerance, Name(key));
        }
        if (s.N < 1)
        {
            throw new UsageException($"{Name("n")} must be an integer ≥ 1 (got {s.N})");
        }
        if (s.Batch < 1)
        {
            throw new UsageException($"{Name("batch")} must be an integer ≥ 1 (got {s.Batch})");
        }
        if (s.TStart is { } start)
        {
            if (s.From is null)
                throw new UsageException($"{Name("t-start")} needs --from FILE (the states at t_start to start from)");
            if (!(start > s.TMin && start <= 1))
                throw new UsageException($"{Name("t-start")} must be in (--t-min, 1] = ({F(s.TMin)}, 1] (got {F(start)})");
        }
        OneOf(s.Dtype, ["float32", "float64"], Name("dtype"));
        OneOf(s.Device, DeviceTable.Names, Name("device"));
        if (s.Threads < 1 || s.Threads > MaxThreads)
        {
            throw new UsageException($"{Name("threads")} must be an integer in [1, {MaxThreads}] (got {s.Threads})");
        }
    }

    static void OneOf(string value, IReadOnlyList<string> valid, string name) => SettingChecks.OneOf(value, valid, name);

    static string F(double value) => SettingChecks.F(value);
}
