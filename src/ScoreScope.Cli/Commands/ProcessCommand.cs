using System.CommandLine;
using System.Globalization;
using System.Text;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Processes;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope process</c>: a forward process's coefficients a(t), b(t), σ(t) = b/a, SNR = a²/b², f(t), β(t), g(t) on a
/// time grid (<see cref="ProcessTableRow"/>), the inverse map σ → t, and the noise levels actually reached at t_min
/// and T — printed, or written as CSV.
/// </summary>
public sealed class ProcessCommand
{
    readonly CliConsole _console;
    readonly ProcessOptions _process = new(ProcessSettings.Names[1]);

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public ProcessCommand(CliConsole console) => _console = console;

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var times = OptionFactory.Text("--times", "Times t in (0, T], comma-separated and increasing, or log:MIN:MAX:COUNT (default: --steps on [--t-min, T]).");
        var steps = OptionFactory.Integer("--steps", "Equally spaced intervals on [--t-min, T] when --times is not given, in [1, 100000].", 10);
        var tMin = OptionFactory.Number("--t-min", "The first time of the default grid, in (0, T).", 1e-3);
        var sigmas = OptionFactory.Text("--sigmas", "Noise-to-signal ratios σ = b/a to map to times t(σ), comma-separated (within the range the process reaches).");
        var output = OptionFactory.Text("--out", "Write the table as CSV to this file (atomically) instead of printing it; an existing file needs --force.");
        var force = CommonOptions.Force();
        var verbose = CommonOptions.Verbose();
        var command = new Command("process",
            "Print a forward process's a(t), b(t), σ(t) = b/a, SNR = a²/b², drift f(t), β(t) and diffusion g(t) on a time grid, " +
            "and map noise levels σ to times.");
        foreach (var option in _process.All) command.Options.Add(option);
        foreach (var option in new Option[] { times, steps, tMin, sigmas, output, force, verbose }) command.Options.Add(option);
        command.SetAction(parseResult => CommandRunner.Run("process", _console, parseResult.GetValue(verbose), () =>
        {
            var settings = _process.Read(parseResult);
            var process = settings.Build();
            double end = process.EndTime;
            double[] grid = parseResult.GetValue(times) is { } text ? ParseTimes(text, end) : Grid(parseResult.GetValue(tMin), parseResult.GetValue(steps), end);
            var rows = grid.Select(t => ProcessTableRow.At(process, t)).ToArray();
            var mapped = parseResult.GetValue(sigmas) is { } sigmaText ? MapSigmas(process, sigmaText) : [];
            string? file = parseResult.GetValue(output);
            if (file is not null)
            {
                if (string.IsNullOrWhiteSpace(file) || Directory.Exists(file))
                    throw new UsageException($"--out '{file}': expected a file path for the CSV table");
                if (File.Exists(file) && !parseResult.GetValue(force))
                    throw new UsageException($"--out '{file}' already exists; pass --force to replace it");
                AtomicFile.WriteAllText(file, Csv(rows));
            }
            _console.Output.WriteLine(Summary(settings.WithDefaults(), process, grid));
            if (file is null) Print(rows);
            else _console.Output.WriteLine($"{rows.Length} rows written to {file} (columns t,a,b,sigma,snr,f,beta,g)");
            foreach (var (sigma, t) in mapped)
                _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"σ = {sigma:G6} is reached at t = {t:R}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    static double[] Grid(double tMin, int steps, double end)
    {
        if (!(tMin > 0 && tMin < end)) throw new UsageException($"--t-min {F(tMin)}: expected a time in (0, {F(end)})");
        if (steps is < 1 or > 100_000) throw new UsageException($"--steps {steps}: expected an integer in [1, 100000]");
        return Enumerable.Range(0, steps + 1).Select(i => i == steps ? end : tMin + (end - tMin) * i / steps).ToArray();
    }

    static double[] ParseTimes(string text, double end)
    {
        double Time(string s) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v <= end
                ? v
                : throw new UsageException($"--times: '{s}' is not a time in (0, {F(end)}]");
        double[] values;
        if (text.StartsWith("log:", StringComparison.Ordinal))
        {
            var parts = text.Split(':');
            if (parts.Length != 4 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 2 || count > 100_000)
                throw new UsageException($"--times '{text}': expected log:MIN:MAX:COUNT with 2 ≤ COUNT ≤ 100000");
            double lo = Time(parts[1]), hi = Time(parts[2]);
            if (!(hi > lo)) throw new UsageException($"--times '{text}': MAX must exceed MIN");
            values = Numerics.GeometricSpacing.Between(lo, hi, count);
        }
        else
        {
            values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Time).ToArray();
        }
        if (values.Length == 0) throw new UsageException("--times: give at least one time");
        for (int i = 1; i < values.Length; i++)
        {
            if (!(values[i] > values[i - 1])) throw new UsageException($"--times must increase ({F(values[i - 1])} then {F(values[i])})");
        }
        return values;
    }

    static (double Sigma, double Time)[] MapSigmas(ForwardProcess process, string text)
    {
        double low = process.NoiseToSignal(0), high = process.NoiseToSignal(process.EndTime);
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
        {
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double sigma) || !(sigma > low) || !(sigma <= high))
                throw new UsageException($"--sigmas: '{s}' is not a noise level in ({F(low)}, {F(high)}], the range this process reaches");
            return (sigma, process.TimeAtNoiseToSignal(sigma));
        }).ToArray();
    }

    static string Summary(ProcessSettings settings, ForwardProcess process, double[] grid)
    {
        var parameters = ProcessSettings.ParameterKeys(settings.Process).Select(k => $"{k} {F(settings[k]!.Value)}");
        var first = ProcessTableRow.At(process, grid[0]);
        var last = ProcessTableRow.At(process, process.EndTime);
        string line = $"process {settings.Process} ({string.Join(", ", parameters)}) on [0, {F(process.EndTime)}]: " +
            $"at t = {F(grid[0])} a = {F(first.A)}, b = {F(first.B)}, σ = b/a = {F(first.Sigma)}; at T: a = {F(last.A)}, b = {F(last.B)}, σ = {F(last.Sigma)}.";
        if (settings.Process == "ve")
        {
            line += $" VE: b(t)² = σ_min²((σ_max/σ_min)^{{2t}} − 1) = σ(t)² − σ_min², so the noise actually left at t = {F(grid[0])} is " +
                $"b = {F(first.B)} (not σ_min = {F(settings.SigmaMin!.Value)}), and b(T) = √(σ_max² − σ_min²) = {F(last.B)}.";
        }
        return line;
    }

    void Print(ProcessTableRow[] rows)
    {
        // Plain aligned columns (a Spectre table would wrap eight numeric columns at 80 characters).
        string[] header = ["t", "a(t)", "b(t)", "σ = b/a", "SNR = a²/b²", "f(t)", "β(t)", "g(t)"];
        var cells = rows.Select(r => new[] { G(r.Time), G(r.A), G(r.B), G(r.Sigma), G(r.SignalToNoise), G(r.Drift), r.Beta is { } beta ? G(beta) : "—", G(r.Diffusion) }).ToArray();
        var widths = header.Select((h, c) => Math.Max(h.Length, cells.Select(row => row[c].Length).DefaultIfEmpty(0).Max())).ToArray();
        _console.Output.WriteLine(string.Join("  ", header.Select((h, c) => h.PadLeft(widths[c]))));
        foreach (var row in cells) _console.Output.WriteLine(string.Join("  ", row.Select((v, c) => v.PadLeft(widths[c]))));
    }

    static string Csv(ProcessTableRow[] rows)
    {
        var text = new StringBuilder("t,a,b,sigma,snr,f,beta,g\n");
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture, $"{r.Time:R},{r.A:R},{r.B:R},{r.Sigma:R},{r.SignalToNoise:R},{r.Drift:R},{(r.Beta is { } beta ? beta.ToString("R", CultureInfo.InvariantCulture) : "")},{r.Diffusion:R}\n");
        return text.ToString();
    }

    static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

}
