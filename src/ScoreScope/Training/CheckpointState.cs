using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>Serialisation helpers for the training-state block of a checkpoint.</summary>
static class CheckpointState
{
    /// <summary>The training-state marker; v2 adds the train-loss accumulator after the generator states.</summary>
    public const string Marker = "ScoreScope.TrainingState.v2";

    /// <summary>The marker of checkpoints without the accumulator (resumed with an empty one).</summary>
    public const string LegacyMarker = "ScoreScope.TrainingState.v1";

    /// <summary>Writes a generator's state (libtorch's get_state bytes) with a length prefix.</summary>
    public static void WriteGenerator(BinaryWriter writer, Generator generator)
    {
        using var state = generator.get_state();
        var bytes = state.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Restores a generator's state written by <see cref="WriteGenerator"/>.</summary>
    public static void ReadGenerator(BinaryReader reader, Generator generator)
    {
        int length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException("The generator state is truncated.");
        using var state = tensor(bytes, dtype: ScalarType.Byte);
        generator.set_state(state);
    }

    /// <summary>Copies tensors element-wise without recording gradients.</summary>
    public static void CopyWeights(Tensor[] from, Tensor[] to)
    {
        using var _ = no_grad();
        for (int i = 0; i < to.Length; i++) to[i].copy_(from[i]);
    }
}
