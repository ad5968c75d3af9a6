using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Minibatches from a fixed dataset [N, …]: epoch e visits the samples in a permutation drawn from a generator seeded
/// with Derive(seed, e), and step k takes the positions k·B … k·B + B − 1 of the concatenated epochs. Stateless in the
/// step, hence exact on resume.
/// </summary>
public sealed class DatasetTrainingData : ITrainingData, IDisposable
{
    readonly Tensor _data;
    readonly Tensor? _heldOut;
    long _cachedEpoch = -1;
    long[] _cachedPermutation = [];

    /// <summary>Wraps a dataset (copied to float64). If <paramref name="heldOut"/> is null, held-out sets are random subsets of the training data.</summary>
    /// <exception cref="ArgumentException">When the dataset is empty or the held-out shape differs.</exception>
    public DatasetTrainingData(Tensor data, Tensor? heldOut = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.dim() < 2 || data.shape[0] < 1)
            throw new ArgumentException($"A dataset needs shape [N, …] with N ≥ 1 and an event dimension; got {Shapes.Format(data)}.", nameof(data));
        _data = data.detach().to_type(ScalarType.Float64).clone().DetachFromDisposeScope();
        if (heldOut is not null)
        {
            if (!heldOut.shape.Skip(1).SequenceEqual(data.shape.Skip(1)))
                throw new ArgumentException($"Held-out shape {Shapes.Format(heldOut)} does not match the data {Shapes.Format(data)}.", nameof(heldOut));
            _heldOut = heldOut.detach().to_type(ScalarType.Float64).clone().DetachFromDisposeScope();
        }
        Description = description ?? $"dataset {Shapes.Format(data.shape)}";
    }

    /// <summary>The number of training samples N.</summary>
    public long Count => _data.shape[0];

    /// <inheritdoc/>
    public long[] EventShape => _data.shape.Skip(1).ToArray();

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Tensor Batch(long step, int batchSize, ulong seed, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long n = Count;
        var indices = new long[batchSize];
        for (int i = 0; i < batchSize; i++)
        {
            long position = step * batchSize + i;
            indices[i] = Permutation(position / n, seed)[position % n];
        }
        using var scope = NewDisposeScope();
        return _data.index_select(0, tensor(indices, dtype: ScalarType.Int64)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor HeldOut(int count, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        using var scope = NewDisposeScope();
        var source = _heldOut ?? _data;
        long take = Math.Min(count, source.shape[0]);
        var index = randperm(source.shape[0], generator: generator)[..(int)take];
        return source.index_select(0, index).MoveToOuterDisposeScope();
    }

    /// <summary>Releases the stored tensors.</summary>
    public void Dispose()
    {
        _data.Dispose();
        _heldOut?.Dispose();
    }

    long[] Permutation(long epoch, ulong seed)
    {
        if (epoch != _cachedEpoch)
        {
            using var generator = Seeds.Generator(Seeds.Derive(seed, (ulong)epoch));
            using var permutation = randperm(Count, generator: generator);
            _cachedPermutation = permutation.data<long>().ToArray();
            _cachedEpoch = epoch;
        }
        return _cachedPermutation;
    }
}
