using ScoreScope.Runs;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ScoreScope.Cli.Commands;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Experiments.Spectra;

/// <summary>
/// <c>scorescope reproduce spectra</c>: score-Jacobian spectra of linear Gaussian manifolds (Ventura et al. 2024, arXiv
/// 2410.05898, §6–7; docs/science/spectral-gaps.md): D = 100, d = 40 with one variance and with two blocks (20, σ 1), (20, σ 0.3).
/// (a) exact score: normalised spectra vs t with the random-matrix overlay, score-matrix SVD vs closed form, m̂ vs t;
/// (b) an MLP trained on each manifold (VE, σ ∈ [0.01, 50]): singular-value spectra by autograd at ≥ 30 times, m̂ vs t,
/// measured vs predicted t_max = √(ab); (c) plots. Every claim goes to checks.csv/json.
/// </summary>
public sealed class SpectraExperiment
{
    readonly CliConsole _console;

    /// <summary>Creates the experiment writing through <paramref name="console"/>.</summary>
    public SpectraExperiment(CliConsole console) => _console = console;

    Option<bool> Quick { get; } = OptionFactory.Switch("--quick",
        "Minute-scale version: 1500 training steps, 30 trained times, 16 points; its trained-model claims are reported as findings, not enforced by --check.");

    Option<bool> Check { get; } = OptionFactory.Switch("--check", "Exit with code 3 when a claim fails.");

    Option<string> Out { get; } = CommonOptions.Out("runs/spectra-<yyyyMMdd-HHmmss>");

    Option<bool> Force { get; } = CommonOptions.Force();

    Option<ulong> Seed { get; } = OptionFactory.Seed("--seed", "Seed of the manifolds, training, points and perturbations (default 0).");

    Option<int> Threads { get; } = CommonOptions.Threads();

    Option<bool> Verbose { get; } = CommonOptions.Verbose();

    // Budget overrides (hidden: for tests and exploration; recorded in config.json).
    Option<int> TrainingSteps { get; } = new("--training-steps") { Description = "Override the training steps per model.", Hidden = true };

    Option<int> TrainedTimes { get; } = new("--trained-times") { Description = "Override the number of trained times.", Hidden = true };

    Option<int> Points { get; } = new("--points") { Description = "Override the number of points.", Hidden = true };

    Option<double> TrainingTimeMin { get; } = new("--training-time-min") { Description = "Override the smallest training time.", Hidden = true };

    Option<double> TrainingTimeMax { get; } = new("--training-time-max") { Description = "Override the largest training time.", Hidden = true };

    /// <summary>Builds the <c>spectra</c> subcommand.</summary>
    public Command Build()
    {
        var command = new Command("spectra",
            "Score-Jacobian spectra and spectral gaps of linear Gaussian manifolds (Ventura et al. 2024): exact and " +
            "trained-MLP spectra vs t, dimension estimate, intermediate-gap t_max vs √(ab), plots and claims.")
        {
            Quick, Check, Out, Force, Seed, Threads, Verbose, TrainingSteps, TrainedTimes, Points, TrainingTimeMin, TrainingTimeMax,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "reproduce spectra", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        int threads = CommonOptions.CheckThreads(parseResult.GetValue(Threads));
        var settings = SpectraExperimentSettings.Create(parseResult.GetValue(Quick), parseResult.GetValue(Seed), threads);
        if (OptionFactory.TryGetExplicit(parseResult, TrainingSteps, out int steps))
            settings = settings with { TrainingSteps = steps >= 1 ? steps : throw new UsageException($"--training-steps must be ≥ 1 (got {steps})") };
        if (OptionFactory.TryGetExplicit(parseResult, TrainedTimes, out int trainedTimes))
            settings = settings with { TrainedTimes = trainedTimes >= 3 ? trainedTimes : throw new UsageException($"--trained-times must be ≥ 3 (got {trainedTimes})") };
        if (OptionFactory.TryGetExplicit(parseResult, TrainingTimeMin, out double tMin)) settings = settings with { TrainingMinimumTime = tMin };
        if (OptionFactory.TryGetExplicit(parseResult, TrainingTimeMax, out double tMax)) settings = settings with { TrainingMaximumTime = tMax };
        if (!(settings.TrainingMinimumTime > 0 && settings.TrainingMaximumTime > settings.TrainingMinimumTime && settings.TrainingMaximumTime <= 1))
            throw new UsageException($"the training times must satisfy 0 < min < max ≤ 1 (got {settings.TrainingMinimumTime}, {settings.TrainingMaximumTime})");
        if (OptionFactory.TryGetExplicit(parseResult, Points, out int points))
            settings = settings with { Points = points >= 1 ? points : throw new UsageException($"--points must be ≥ 1 (got {points})") };
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder("spectra");
        bool force = parseResult.GetValue(Force);
        RunFolder.CheckTarget(target, force);
        var report = new ClaimReport();
        var watch = Stopwatch.StartNew();
        TorchThreads.With(settings.Threads, () =>
        {
            return RunFolder.Write(target, force, folder =>
            {
                var run = new SpectraExperimentRun(settings, folder, report, _console.Error, cancellationToken);
                var resolved = run.Execute();
                resolved["wall-seconds"] = watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
                var config = new RunConfig<SpectraExperimentSettings>
                {
                    Command = "reproduce spectra",
                    ScoreScopeVersion = ScoreScopeInfo.Version,
                    Options = settings,
                    Resolved = resolved,
                };
                File.WriteAllText(Path.Combine(folder, "config.json"), ConfigJson.Serialize(config));
                report.Write(folder);
                return 0;
            }, CliRunFolders.Options(_console, "reproduce spectra"));
        });
        report.Print(_console, $"reproduce spectra ({watch.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s): {target}");
        return report.ExitCode(parseResult.GetValue(Check));
    }
}
