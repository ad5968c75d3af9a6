using ScoreScope.Runs;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.IO;
using ScoreScope.Lattice;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope hmc</c>: lattice φ⁴ configurations from Hybrid Monte Carlo over many chains (float64), written as
/// <c>fields.npy</c> [N, L, …, L] (chain-major) with config.json, the observables with Γ-method errors
/// (observables.csv) and the accept/reject statistics (metrics.json).
/// </summary>
public sealed class HmcCommand
{
    readonly CliConsole _console;

    public HmcCommand(CliConsole console) => _console = console;

    public Option<int> Size { get; } = OptionFactory.Integer("--size", "L, lattice sites per direction (≥ 2).", 16);

    public Option<int> Dimensions { get; } = OptionFactory.Integer("--dimensions", "D, the number of directions: 1, 2 or 3.", 2);

    public Option<double> Kappa { get; } = OptionFactory.Number("--kappa", "The hopping parameter κ of S = Σ[−2κΣ_μ φφ(x+μ̂) + (1 − 2λ)φ² + λφ⁴]; at λ = 0 |κ| < 1/(2D).", 0.4);

    public Option<double> Lambda { get; } = OptionFactory.Number("--lambda", "The quartic coupling λ ≥ 0.", 0.022);

    public Option<int> Chains { get; } = OptionFactory.Integer("--chains", "Independent Markov chains, each started from N(0, 1) noise.", 64);

    public Option<int> Configurations { get; } = OptionFactory.Integer("--configurations", "Configurations kept per chain (≥ 2).", 16);

    public Option<int> Thermalisation { get; } = OptionFactory.Integer("--thermalisation", "Trajectories discarded at the start of each chain (≥ 0).", 100);

    public Option<int> Thinning { get; } = OptionFactory.Integer("--thinning", "Trajectories between kept configurations (≥ 1).", 10);

    public Option<string> Integrator { get; } = OptionFactory.Text("--integrator", "leapfrog or omelyan (Omelyan's second-order minimum-norm integrator).", "leapfrog");

    public Option<int> MdSteps { get; } = OptionFactory.Integer("--md-steps", "Molecular-dynamics steps per trajectory (≥ 1).", 10);

    public Option<double> Dt { get; } = OptionFactory.Number("--dt", "Molecular-dynamics step size dt > 0 (trajectory length md-steps · dt).", 0.1);

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed", "Seed; chain c draws from Seeds.Derive(seed, c). Absent: one is drawn, printed and recorded in config.json.");

    readonly RunFolderTarget _target = new("hmc");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("hmc",
            "Lattice φ⁴ configurations from Hybrid Monte Carlo (many chains, float64) with observables and Γ-method errors.")
        {
            Size, Dimensions, Kappa, Lambda, Chains, Configurations, Thermalisation, Thinning, Integrator, MdSteps, Dt, Seed, _target.Out, _target.Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "hmc", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var settings = Resolve(parseResult);
        var (target, force) = _target.Check(parseResult);
        if (!OptionFactory.TryGetExplicit(parseResult, Seed, out _)) _console.Output.WriteLine($"Seed: {settings.Seed}");
        var lattice = new HypercubicLattice(settings.Size, settings.Dimensions);
        var action = new PhiFourAction(lattice, new PhiFourCouplings(settings.Kappa, settings.Lambda));
        var integrator = settings.Integrator == "omelyan" ? MolecularDynamicsIntegrator.Omelyan : MolecularDynamicsIntegrator.Leapfrog;
        var hmc = new HybridMonteCarlo(action, settings.Chains, settings.Seed, new HmcOptions(settings.MdSteps, settings.Dt, integrator));
        var clock = Stopwatch.StartNew();
        var fields = hmc.Collect(settings.Thermalisation, settings.Thinning, settings.Configurations, cancellation: cancellation);
        double seconds = clock.Elapsed.TotalSeconds;
        var statistics = hmc.Statistics();
        var ensemble = new FieldEnsemble(fields, lattice, settings.Chains);
        var table = LatticeObservables.Measure(ensemble, action);
        var normalisation = FieldNormalisation.MinMax(fields);
        var csv = new StringBuilder();
        LatticeReport.AppendCsv(csv, "physical", table);
        long[] shape = [ensemble.Count, .. lattice.Shape];
        long trajectories = (long)settings.Chains * (settings.Thermalisation + (long)settings.Thinning * settings.Configurations);
        double siteUpdates = (double)trajectories * settings.MdSteps * lattice.Volume;
        RunFolder.Write(target, force, folder =>
        {
            NpyFile.Write(Path.Combine(folder, "fields.npy"), fields, shape);
            File.WriteAllText(Path.Combine(folder, "observables.csv"), csv.ToString());
            File.WriteAllText(Path.Combine(folder, "metrics.json"), Metrics(statistics, normalisation, seconds, siteUpdates));
            ConfigJson.Write(folder, "hmc", settings, new Dictionary<string, string>
            {
                ["fields-shape"] = string.Join(" × ", shape),
                ["fields-layout"] = $"chain-major: configurations c·{settings.Configurations} … (c + 1)·{settings.Configurations} − 1 are chain c in Monte Carlo order",
                ["chain-seeds"] = "Seeds.Derive(seed, c) for chain c",
                ["bare-mass-squared"] = F(action.Couplings.BareMassSquared(lattice.Dimensions)),
                ["bare-quartic"] = F(action.Couplings.BareQuartic),
                ["min-max-normalisation"] = $"phi' = 2(phi − {F(normalisation.Minimum)})/({F(normalisation.Maximum)} − {F(normalisation.Minimum)}) − 1",
                ["fields-sha256"] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "fields.npy")))).ToLowerInvariant(),
                ["seconds"] = F(seconds),
                ["command-line"] = "scorescope " + string.Join(' ', parseResult.Tokens.Select(t => t.Value)),
            });
            return 0;
        }, CliRunFolders.Options(_console, "hmc"));
        _console.Output.WriteLine(FormattableString.Invariant(
            $"HMC {lattice}, κ = {settings.Kappa}, λ = {settings.Lambda}: {ensemble.Count} configurations from {settings.Chains} chains; acceptance {statistics.AcceptanceRate:F3}, ⟨ΔH⟩ = {statistics.DeltaH.Value:G4} ± {statistics.DeltaH.StandardError:G2}, ⟨e^(−ΔH)⟩ = {statistics.ExpMinusDeltaH.Value:G5} ± {statistics.ExpMinusDeltaH.StandardError:G2}; {siteUpdates / seconds:G3} site-updates/s"));
        LatticeReport.Print(_console, $"observables of {ensemble.Count} configurations ({settings.Chains} chains; errors: Γ-method, τ_int in configurations)",
            table, settings.Lambda == 0 ? FreeFieldExact(new FreeField(lattice, settings.Kappa)) : null);
        _console.Output.WriteLine($"Output: {target}");
        return ExitCodes.Success;
    }

    /// <summary>The exact free-field value of an observable, where one is known (λ = 0).</summary>
    static Func<string, double?> FreeFieldExact(FreeField free) => name => name switch
    {
        "M" => 0,
        "|M|" => free.AbsoluteMagnetisation,
        "M^2" => free.MomentumPropagatorAtZero / free.Lattice.Volume,
        "chi" => free.Susceptibility,
        "U" => 0,
        "phi^2" or "kappa2" => free.FieldSquared,
        "action_density" => 0.5,
        "kappa3" or "kappa4" or "kappa5" or "kappa6" or "kappa7" or "kappa8" => 0,
        _ when name.StartsWith("G(", StringComparison.Ordinal) => free.TwoPoint(int.Parse(name[2..^1], CultureInfo.InvariantCulture)),
        _ => null,
    };

    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    static string Metrics(HmcStatistics s, FieldNormalisation normalisation, double seconds, double siteUpdates) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["trajectories"] = s.Trajectories,
            ["acceptance"] = s.AcceptanceRate,
            ["delta_h"] = new[] { s.DeltaH.Value, s.DeltaH.StandardError },
            ["delta_h_squared"] = new[] { s.DeltaHSquared.Value, s.DeltaHSquared.StandardError },
            ["exp_minus_delta_h"] = new[] { s.ExpMinusDeltaH.Value, s.ExpMinusDeltaH.StandardError },
            ["field_min"] = normalisation.Minimum,
            ["field_max"] = normalisation.Maximum,
            ["seconds"] = seconds,
            ["site_updates_per_second"] = siteUpdates / seconds,
        }, new JsonSerializerOptions { WriteIndented = true });

    static int AtLeast(int value, int min, string name)
    {
        SettingChecks.IntegerIn(value, min, int.MaxValue, name);
        return value;
    }

    HmcSettings Resolve(ParseResult parseResult)
    {
        int size = AtLeast(parseResult.GetValue(Size), 2, "--size");
        int dimensions = parseResult.GetValue(Dimensions);
        SettingChecks.IntegerIn(dimensions, 1, HypercubicLattice.MaxDimensions, "--dimensions");
        if (Math.Pow(size, dimensions) > 1 << 24) throw new UsageException($"--size {size} in D = {dimensions} gives {Math.Pow(size, dimensions)} sites; at most 2^24 are supported");
        double kappa = parseResult.GetValue(Kappa), lambda = parseResult.GetValue(Lambda);
        LatticeOptionChecks.Couplings(kappa, lambda, dimensions);
        string integrator = parseResult.GetValue(Integrator) ?? "leapfrog";
        SettingChecks.OneOf(integrator, ["leapfrog", "omelyan"], "--integrator");
        double dt = parseResult.GetValue(Dt);
        if (!(dt > 0)) throw new UsageException($"--dt must be a number > 0 (got {F(dt)})");
        var settings = new HmcSettings
        {
            Size = size,
            Dimensions = dimensions,
            Kappa = kappa,
            Lambda = lambda,
            Chains = AtLeast(parseResult.GetValue(Chains), 1, "--chains"),
            Configurations = AtLeast(parseResult.GetValue(Configurations), 2, "--configurations"),
            Thermalisation = AtLeast(parseResult.GetValue(Thermalisation), 0, "--thermalisation"),
            Thinning = AtLeast(parseResult.GetValue(Thinning), 1, "--thinning"),
            Integrator = integrator,
            MdSteps = AtLeast(parseResult.GetValue(MdSteps), 1, "--md-steps"),
            Dt = dt,
            Seed = OptionFactory.TryGetExplicit(parseResult, Seed, out ulong seed) ? seed : (ulong)RandomNumberGenerator.GetInt32(int.MaxValue),
        };
        long values = (long)settings.Chains * settings.Configurations * (long)Math.Pow(size, dimensions);
        if (values > 1L << 28) throw new UsageException($"--chains × --configurations × L^D = {values} values exceeds the 2^28 (2 GiB of float64) that fields.npy may hold");
        return settings;
    }
}
