using System.CommandLine;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// The option group of the commands that evaluate a score of either source: a trained model (<c>--model</c>, a
/// <c>scorescope train</c> run folder, which brings its own process) or the exact score of a distribution
/// (<c>--data</c> under <c>--process</c> and its parameters), and the <c>--device</c> the work runs on. It declares the
/// options once and holds the rules every such command shares: the process options do not apply with a model, and a
/// model's warnings go to standard error.
/// </summary>
public sealed class ScoreSourceOptions
{
    /// <summary>Creates the group; the descriptions say what each source means for the command.</summary>
    /// <param name="modelDescription">The help text of <c>--model</c>.</param>
    /// <param name="dataDescription">The help text of <c>--data</c>.</param>
    public ScoreSourceOptions(string modelDescription, string dataDescription)
    {
        Model = OptionFactory.Text("--model", modelDescription);
        Data = OptionFactory.Text("--data", dataDescription);
    }

    /// <summary><c>--model</c>: a <c>scorescope train</c> run folder.</summary>
    public Option<string> Model { get; }

    /// <summary><c>--data</c>: a distribution name or a data file.</summary>
    public Option<string> Data { get; }

    /// <summary><c>--process</c> and its parameters (they describe the process of the exact score).</summary>
    public ProcessOptions Process { get; } = new(ProcessSettings.Names[1]);

    /// <summary><c>--device</c>: cpu or cuda.</summary>
    public Option<string> Device { get; } = OptionFactory.Text("--device", "cpu or cuda.", "cpu");

    /// <summary>The model folder the user gave, or null.</summary>
    public string? ModelFolder(ParseResult parseResult) => parseResult.GetValue(Model);

    /// <summary>The data the user gave, or null.</summary>
    public string? DataName(ParseResult parseResult) => parseResult.GetValue(Data);

    /// <summary>Rejects the process options beside <c>--model</c>: the model's own process is used.</summary>
    /// <exception cref="UsageException">When both are given.</exception>
    public void CheckProcessNotWithModel(ParseResult parseResult)
    {
        if (ModelFolder(parseResult) is not null && Process.AnyGiven(parseResult))
            throw new UsageException("--process and its parameters do not apply with --model (the model's own process is used)");
    }

    /// <summary>The device named by <c>--device</c>.</summary>
    /// <exception cref="UsageException">For an unknown name.</exception>
    public Device ReadDevice(ParseResult parseResult) => DeviceTable.Create(parseResult.GetValue(Device)!, "--device");

    /// <summary>Opens the <c>--model</c> run folder, or returns null when none was given.</summary>
    /// <exception cref="UsageException">When it is not a completed training run.</exception>
    public TrainedRun? OpenModel(ParseResult parseResult) =>
        ModelFolder(parseResult) is string folder ? TrainedRun.Open(folder, "--model") : null;

    /// <summary>Loads <paramref name="run"/>'s EMA model onto <paramref name="device"/>, writing its warnings to
    /// standard error as <c>scorescope COMMAND: warning: …</c>; null for no run.</summary>
    public static ScoreModel? Load(TrainedRun? run, Device device, string command, CliConsole console) =>
        run?.Load(device, "--model", w => console.Error.WriteLine($"scorescope {command}: warning: {w}"));

    /// <summary>The exact distribution named by <c>--data</c> (checked first), or null for none.</summary>
    /// <exception cref="UsageException">For an unknown name or an unreadable file.</exception>
    public static ExactDistribution? Distribution(string? dataName)
    {
        if (dataName is null) return null;
        DatasetTable.Validate(dataName, "--data");
        return DatasetTable.Create(dataName, "--data");
    }

    /// <summary>The forward process: the model's own, or the one the process options describe.</summary>
    /// <exception cref="UsageException">For invalid process options.</exception>
    public ForwardProcess ProcessOf(ParseResult parseResult, ScoreModel? model) => model?.Process ?? Process.Read(parseResult).Build();
}
