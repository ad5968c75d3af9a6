using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Settings;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// A completed training run folder named by <c>--model</c>: its config.json (which data and process the model was
/// trained with) and its model.ckpt (whose EMA weights are what sampling and evaluation use).
/// </summary>
/// <param name="Folder">The absolute run folder.</param>
/// <param name="Settings">The resolved training options recorded in its config.json.</param>
public sealed record TrainedRun(string Folder, TrainSettings Settings)
{
    /// <summary>The model file.</summary>
    public string ModelPath => Path.Combine(Folder, TrainJob.ModelFile);

    /// <summary>Opens the run folder <paramref name="folder"/>, named in messages as <paramref name="option"/>.</summary>
    /// <exception cref="UsageException">When it is not a completed training run.</exception>
    public static TrainedRun Open(string folder, string option)
    {
        string full = Path.GetFullPath(folder);
        string config = Path.Combine(full, "config.json");
        const string expected = "expected a run folder written by 'scorescope train' (holding model.ckpt and config.json)";
        if (!Directory.Exists(full) || !File.Exists(config))
        {
            throw new UsageException(Directory.Exists(full)
                ? $"{option} '{folder}' has no config.json; {expected}"
                : $"{option} '{folder}': folder not found; {expected}");
        }
        var (settings, _) = ConfigJson.ReadOptions<TrainSettings>(config, "train", option);
        if (!File.Exists(Path.Combine(full, TrainJob.ModelFile)))
        {
            throw new UsageException(File.Exists(Path.Combine(full, Trainer.CheckpointFileName))
                ? $"{option} '{folder}': training stopped before the end (no {TrainJob.ModelFile}); finish it with: scorescope train --resume {folder}"
                : $"{option} '{folder}' has no {TrainJob.ModelFile}; {expected}");
        }
        return new TrainedRun(full, settings);
    }

    /// <summary>Loads the EMA model onto <paramref name="device"/>.</summary>
    /// <exception cref="UsageException">When model.ckpt is corrupted, truncated or unreadable (its checksum is verified).</exception>
    public ScoreModel Load(Device device, string option, Action<string>? onWarning = null) => LoadFile(ModelPath, device, option, onWarning);

    /// <summary>Loads the EMA model of the model file <paramref name="path"/> (any folder that holds one, e.g. a
    /// <c>model-&lt;point&gt;</c> folder of <c>reproduce phi4</c>) onto <paramref name="device"/>.</summary>
    /// <exception cref="UsageException">When the file is corrupted, truncated or unreadable, naming <paramref name="option"/>.</exception>
    public static ScoreModel LoadFile(string path, Device device, string option, Action<string>? onWarning = null)
    {
        try
        {
            return ScoreModelFile.Load(path, device, onWarning);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new UsageException($"{option}: {ErrorText.OneLine(e)}", e);
        }
    }
}
