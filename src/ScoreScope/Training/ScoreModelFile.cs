using ScoreScope.Runs;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// The model file format (<c>model.ckpt</c>): a header, the <see cref="ScoreModelConfig"/> as JSON, and the network's
/// state dictionary in TorchSharp's format. Training checkpoints begin with the same block (holding the EMA weights),
/// so <see cref="Load"/> opens both. A file loads in a fresh process: the network is rebuilt from the recorded config.
/// </summary>
public static class ScoreModelFile
{
    const string Magic = "ScoreScope.ScoreModel";
    const int FormatVersion = 1;

    /// <summary>Writes the model atomically (temporary file, then rename).</summary>
    public static void Save(ScoreModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            Write(writer, model, hasTrainingState: false);
        });
    }

    /// <summary>Loads a model file or the (EMA) model of a training checkpoint.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is not a ScoreScope model or checkpoint.</exception>
    public static ScoreModel Load(string path, Device? device = null)
    {
        using var stream = OpenRead(path);
        using var reader = new BinaryReader(stream);
        return Read(reader, path, device, out _);
    }

    /// <summary>Reads only the model config of a model file or checkpoint.</summary>
    public static ScoreModelConfig ReadConfig(string path)
    {
        using var stream = OpenRead(path);
        using var reader = new BinaryReader(stream);
        return ReadHeader(reader, path);
    }

    internal static void Write(BinaryWriter writer, ScoreModel model, bool hasTrainingState)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
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
            throw new InvalidDataException($"'{path}' is truncated or its weights do not match its config: {e.Message}", e);
        }
    }

    static ScoreModelConfig ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            var magic = reader.ReadString();
            if (magic != Magic) throw new InvalidDataException($"'{path}' is not a ScoreScope model file (header '{Truncate(magic)}').");
            int version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"'{path}' has model format version {version}; this ScoreScope reads version {FormatVersion}.");
            return TrainingJson.Deserialize<ScoreModelConfig>(reader.ReadString());
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{path}' is not a ScoreScope model file (it ends inside the header).", e);
        }
    }

    static FileStream OpenRead(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        return File.OpenRead(path);
    }

    static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
