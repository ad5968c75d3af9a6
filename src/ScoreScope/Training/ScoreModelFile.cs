using ScoreScope.Runs;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// The model file format (<c>model.ckpt</c>), version 2: a verified envelope (magic, format version, payload length,
/// SHA-256 of the payload, SHA-256 of the header; see <see cref="ModelFileException"/>) around the payload: the
/// <see cref="ScoreModelConfig"/> as JSON and the network's state dictionary in TorchSharp's format. Training
/// checkpoints have the same envelope and begin their payload with the same block (holding the EMA weights), so
/// <see cref="Load"/> opens both. A file loads in a fresh process: the network is rebuilt from the recorded config.
/// Version-1 files (no checksum) still load, reported through the <c>onUnverified</c> callback.
/// </summary>
public static class ScoreModelFile
{
    /// <summary>Writes the model atomically (temporary file, then rename), with its checksum.</summary>
    public static void Save(ScoreModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        WriteVerified(path, writer => Write(writer, model, hasTrainingState: false));
    }

    /// <summary>Loads a model file or the (EMA) model of a training checkpoint, after verifying its checksum.</summary>
    /// <param name="path">The file.</param>
    /// <param name="device">Where to put the network (CPU when null).</param>
    /// <param name="onUnverified">Called with a warning when the file is an older one without checksum.</param>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="ModelFileException">When the file is truncated, corrupted or not a ScoreScope model or checkpoint.</exception>
    public static ScoreModel Load(string path, Device? device = null, Action<string>? onUnverified = null)
    {
        using var reader = OpenVerified(path, onUnverified);
        return Read(reader, path, device, out _);
    }

    /// <summary>Reads only the model config of a model file or checkpoint (verified).</summary>
    public static ScoreModelConfig ReadConfig(string path)
    {
        using var reader = OpenVerified(path, onUnverified: null);
        return ReadHeader(reader, path);
    }

    /// <summary>Writes a verified file whose payload <paramref name="write"/> produces.</summary>
    internal static void WriteVerified(string path, Action<BinaryWriter> write)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        var bytes = payload.GetBuffer().AsMemory(0, (int)payload.Length);
        AtomicFile.Write(path, stream => ModelFileEnvelope.Write(stream, bytes.Span));
    }

    /// <summary>A reader over the verified payload of <paramref name="path"/>.</summary>
    internal static BinaryReader OpenVerified(string path, Action<string>? onUnverified) =>
        new(new MemoryStream(ModelFileEnvelope.Read(path, onUnverified), writable: false));

    internal static void Write(BinaryWriter writer, ScoreModel model, bool hasTrainingState)
    {
        writer.Write(TrainingJson.Serialize(model.Config));
        model.Network.save(writer);
        writer.Write(hasTrainingState);
    }

    internal static ScoreModel Read(BinaryReader reader, string path, Device? device, out bool hasTrainingState)
    {
        var config = ReadHeader(reader, path);
        var model = ScoreModel.Create(config, seed: 0);
        try
        {
            model.Network.load(reader);
            if (device is not null) model.Network.to(device);
            hasTrainingState = reader.ReadBoolean();
            return model;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IOException)
        {
            model.Dispose();
            throw new ModelFileException(path, ModelFileProblem.Unreadable, $"has weights that do not match its config: {e.Message}", e);
        }
    }

    static ScoreModelConfig ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            return TrainingJson.Deserialize<ScoreModelConfig>(reader.ReadString());
        }
        catch (Exception e) when (e is EndOfStreamException or System.Text.Json.JsonException or ArgumentException)
        {
            throw new ModelFileException(path, ModelFileProblem.Unreadable, $"has an unreadable model config: {e.Message}", e);
        }
    }
}
