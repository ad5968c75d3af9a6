using ScoreScope.Runs;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Experiments;
using ScoreScope.Cli.Experiments.Singular;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope reproduce singular</c>: singular scores of data on manifolds and the bounded x̂₀ target (Lu, Wang, Bal
/// 2023, arXiv 2301.07882; docs/science/singular-scores.md; issue 6). Oracle tables (<see cref="SingularOracleStage"/>), ε-, score- and
/// x̂₀-parametrised MLPs at equal budget with score error versus t and pollution (<see cref="SingularModelStage"/>),
/// and a comparison table (<see cref="SingularComparison"/>); every claim goes to checks.csv/json.
/// </summary>
public sealed class ReproduceSingularCommand
{
    readonly CliConsole _console;

    public ReproduceSingularCommand(CliConsole console) => _console = console;

    public Option<bool> Quick { get; } = OptionFactory.Switch("--quick",
        "Run the minute-scale version (smaller networks, 300 steps, fewer samples).");

    public Option<bool> Check { get; } = OptionFactory.Switch("--check",
        "Exit with code 3 when a claim fails (the claims are in the run folder's checks.csv).");

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed",
        $"Seed of every random draw, in [0, 2^64 − 1]. Default: {SingularSettings.DefaultSeed}.");

    public Option<int> Threads { get; } = CommonOptions.Threads();

    public Option<int> Steps { get; } = OptionFactory.Integer("--steps",
        "Training steps per model (overrides the full/quick default of 6000/300); equal for every parametrisation.");

    public Option<int> Samples { get; } = OptionFactory.Integer("--samples",
        "Generated samples per model (overrides the full/quick default of 10000/2000).");

    public Option<string> Out { get; } = CommonOptions.Out("runs/singular-<yyyyMMdd-HHmmss>");

    public Option<bool> Force { get; } = CommonOptions.Force();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("singular",
            "Singular scores on manifolds (Lu, Wang, Bal 2023): exact oracles on the circle and S², ε-/score- vs " +
            "x̂₀-parametrised MLPs at equal budget, score error down to t = 1e-4, pollution dist(x, M) of samples.")
        {
            Quick, Check, Seed, Threads, Steps, Samples, Out, Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "reproduce singular", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = Resolve(parseResult);
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder("singular");
        bool force = parseResult.GetValue(Force);
        RunFolder.CheckTarget(target, force);
        var claims = new ClaimReport();
        var watch = Stopwatch.StartNew();
        return TorchThreads.With(settings.Threads, () =>
        {
            var (rows, verdict) = RunFolder.Write(target, force, folder =>
            {
                _console.Output.WriteLine("(a) exact oracles (OU, β = 1)");
                SingularOracleStage.Run(folder, settings, claims);
                _console.Output.WriteLine($"(b–d) training {settings.Parametrisations.Length} parametrisations × 2 manifolds, {settings.Steps} steps each");
                var rows = SingularModelStage.Run(folder, settings, _console.Output, cancellationToken);
                SingularComparison.Write(folder, rows, settings.TimeScale);
                var verdict = SingularComparison.AddClaims(claims, rows);
                claims.Write(folder);
                var config = new RunConfig<SingularSettings>
                {
                    Command = "reproduce singular",
                    ScoreScopeVersion = ScoreScopeInfo.Version,
                    Options = settings,
                    Resolved = new Dictionary<string, string>
                    {
                        ["oracle-process"] = "OU β = 1: a = e^{-t/2}, b² = 1 − e^{-t}",
                        ["model-process"] = string.Create(CultureInfo.InvariantCulture, $"OU β = {settings.TimeScale} on t ∈ [0, 1] (τ = β·t)"),
                        ["losses"] = "noise/score: DSM λ = b² (ε-loss, no antithetic pairs); data: denoiser loss w = a²/b² (= 1/(e^τ − 1)); identical pointwise",
                        ["training-options"] = "models/<manifold>-<parametrisation>/training.json (full TrainingRunConfig; seed Derive(seed, train-<manifold>) shared by the parametrisations)",
                        ["training-times"] = "log-uniform τ ∈ [training-minimum-tau, time-scale]",
                        ["sampler"] = "Euler–Maruyama, TimeGrid.Geometric to sampling-minimum-tau; projection = x̂₀(x_{t_min}) (SamplingOptions.DenoiseFinal)",
                        ["elapsed-seconds"] = watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                    },
                };
                File.WriteAllText(Path.Combine(folder, "config.json"), ConfigJson.Serialize(config));
                return (rows, verdict);
            }, CliRunFolders.Options(_console, "reproduce singular"));
            SingularComparison.Print(_console, rows);
            claims.Print(_console, "reproduce singular: claims");
            foreach (string line in verdict) _console.Output.WriteLine(line);
            _console.Output.WriteLine($"Finished in {watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s. Output: {target}");
            return claims.ExitCode(parseResult.GetValue(Check));
        });
    }

    SingularSettings Resolve(ParseResult parseResult)
    {
        var settings = new SingularSettings();
        if (parseResult.GetValue(Quick)) settings = SingularSettings.QuickVersion(settings);
        if (OptionFactory.TryGetExplicit(parseResult, Seed, out ulong seed)) settings = settings with { Seed = seed };
        settings = settings with { Threads = CommonOptions.CheckThreads(parseResult.GetValue(Threads)) };
        if (OptionFactory.TryGetExplicit(parseResult, Steps, out int steps))
        {
            if (steps < 1) throw new UsageException($"--steps must be ≥ 1 (got {steps})");
            settings = settings with { Steps = steps };
        }
        if (OptionFactory.TryGetExplicit(parseResult, Samples, out int samples))
        {
            if (samples < 10) throw new UsageException($"--samples must be ≥ 10 (got {samples})");
            settings = settings with { SampleCount = samples };
        }
        return settings;
    }
}
