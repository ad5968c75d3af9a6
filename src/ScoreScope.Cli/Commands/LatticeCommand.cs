using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.IO;
using ScoreScope.Lattice;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope lattice --in fields.npy</c>: the lattice observables (M, |M|, χ, U, G(r), ξ₂, site cumulants κ2…κ8,
/// action density) with Γ-method errors, τ_int and blocked-jackknife errors of any field file [N, L, …, L] — from HMC,
/// a diffusion model or elsewhere; optionally also in the min–max-normalised units of the paper.
/// </summary>
public sealed class LatticeCommand
{
    readonly CliConsole _console;

    public LatticeCommand(CliConsole console) => _console = console;

    public Option<string> In { get; } = OptionFactory.Text("--in", "The field file: an NPY array [N, L] (D = 1), [N, L, L] (D = 2) or [N, L, L, L] (D = 3) of numbers.");

    public Option<int> Chains { get; } = OptionFactory.Integer("--chains",
        "The file holds this many Markov chains one after the other (N/chains configurations each, in Monte Carlo order); 1 for one chain or independent samples.", 1);

    public Option<double> Kappa { get; } = OptionFactory.Number("--kappa", "κ of the action, to report the action density S/V (needs --lambda).");

    public Option<double> Lambda { get; } = OptionFactory.Number("--lambda", "λ of the action, to report the action density S/V (needs --kappa).");

    public Option<string> Normalise { get; } = OptionFactory.Text("--normalise",
        "none, or min-max: also report the observables of the fields min–max normalised to [−1, 1] (the paper's units; the map is printed and recorded).", "none");

    readonly OptionalRunFolder _folder = new("observables.csv");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("lattice",
            "Observables of a lattice field file (M, |M|, χ, Binder U, G(r), ξ, site cumulants) with Γ-method and jackknife errors.")
        {
            In, Chains, Kappa, Lambda, Normalise, _folder.Out, _folder.Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "lattice", _console, parseResult.GetValue(Verbose), () => Execute(parseResult)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult)
    {
        var settings = Resolve(parseResult);
        string? target = _folder.CheckedTarget(parseResult);
        var ensemble = Load(settings);
        PhiFourAction? action = null;
        if (settings.Kappa is double kappa && settings.Lambda is double lambda)
            action = new PhiFourAction(ensemble.Lattice, LatticeOptionChecks.Couplings(kappa, lambda, ensemble.Lattice.Dimensions));
        var table = LatticeObservables.Measure(ensemble, action);
        var csv = new StringBuilder();
        LatticeReport.AppendCsv(csv, "physical", table);
        string name = Path.GetFileName(settings.In);
        LatticeReport.Print(_console, $"{name}: {ensemble.Count} configurations on {ensemble.Lattice}, {ensemble.Replicas} chain(s); errors: Γ-method (τ_int in configurations)", table);
        FieldNormalisation? normalisation = null;
        if (settings.Normalise == "min-max")
        {
            normalisation = FieldNormalisation.MinMax(ensemble.Values);
            var normalised = LatticeObservables.Measure(ensemble.Normalised(normalisation));
            LatticeReport.AppendCsv(csv, "min-max", normalised);
            LatticeReport.Print(_console, FormattableString.Invariant(
                $"{name} min–max normalised: φ' = 2(φ − {normalisation.Minimum:G6})/({normalisation.Maximum:G6} − {normalisation.Minimum:G6}) − 1"), normalised);
        }
        var resolved = new Dictionary<string, string>
        {
            ["in"] = Path.GetFullPath(settings.In),
            ["lattice"] = ensemble.Lattice.ToString(),
            ["configurations"] = ensemble.Count.ToString(CultureInfo.InvariantCulture),
            ["jackknife-blocks"] = FormattableString.Invariant($"{table.JackknifeBlocks} blocks of {table.JackknifeBlockSize}"),
        };
        if (normalisation is not null)
        {
            resolved["min-max-minimum"] = normalisation.Minimum.ToString("R", CultureInfo.InvariantCulture);
            resolved["min-max-maximum"] = normalisation.Maximum.ToString("R", CultureInfo.InvariantCulture);
        }
        _folder.Write(parseResult, target, "lattice", _console, settings with { In = Path.GetFullPath(settings.In) }, resolved,
            folder => File.WriteAllText(Path.Combine(folder, "observables.csv"), csv.ToString()));
        return ExitCodes.Success;
    }

    LatticeSettings Resolve(ParseResult parseResult)
    {
        string path = parseResult.GetValue(In) ?? throw new UsageException("--in is required: the .npy field file [N, L, …, L]");
        int chains = parseResult.GetValue(Chains);
        SettingChecks.IntegerIn(chains, 1, int.MaxValue, "--chains");
        string normalise = parseResult.GetValue(Normalise) ?? "none";
        SettingChecks.OneOf(normalise, ["none", "min-max"], "--normalise");
        bool hasKappa = OptionFactory.TryGetExplicit(parseResult, Kappa, out double kappa);
        bool hasLambda = OptionFactory.TryGetExplicit(parseResult, Lambda, out double lambda);
        if (hasKappa != hasLambda)
            throw new UsageException(hasKappa ? "--kappa needs --lambda too (both define the action)" : "--lambda needs --kappa too (both define the action)");
        return new LatticeSettings
        {
            In = path,
            Chains = chains,
            Kappa = hasKappa ? kappa : null,
            Lambda = hasLambda ? lambda : null,
            Normalise = normalise,
        };
    }

    static FieldEnsemble Load(LatticeSettings settings)
    {
        string path = settings.In;
        long[] shape;
        double[] values;
        try
        {
            using var tensor = NpyFile.Read(path);
            shape = tensor.shape;
            using var doubles = tensor.to_type(TorchSharp.torch.ScalarType.Float64);
            values = doubles.data<double>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"--in: {ErrorText.OneLine(e)} (expected an NPY array [N, L, …, L] of numbers)", e);
        }
        string shown = "[" + string.Join(", ", shape) + "]";
        if (shape.Length < 2 || shape.Length > HypercubicLattice.MaxDimensions + 1)
            throw new UsageException($"--in '{path}' has shape {shown}; expected [N, L] (D = 1), [N, L, L] (D = 2) or [N, L, L, L] (D = 3)");
        if (shape.Skip(1).Any(s => s != shape[1]) || shape[1] < 2)
            throw new UsageException($"--in '{path}' has shape {shown}; a field on L^D needs equal sides L ≥ 2 after N");
        if (shape[0] < 2) throw new UsageException($"--in '{path}' has {shape[0]} configuration(s); errors need at least 2");
        int index = Array.FindIndex(values, v => !double.IsFinite(v));
        var lattice = new HypercubicLattice((int)shape[1], shape.Length - 1);
        if (index >= 0)
            throw new UsageException(FormattableString.Invariant(
                $"--in '{path}': value {values[index]} at configuration {index / lattice.Volume}, site {index % lattice.Volume} is not finite; every field value must be a finite number"));
        if (shape[0] % settings.Chains != 0 || shape[0] / settings.Chains < 2)
            throw new UsageException($"--chains {settings.Chains} does not split the {shape[0]} configurations of '{path}' into chains of equal length ≥ 2");
        return new FieldEnsemble(values, lattice, settings.Chains);
    }
}
