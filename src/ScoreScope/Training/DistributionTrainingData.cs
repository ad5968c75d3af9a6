using ScoreScope.Data;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>Fresh samples every step from an <see cref="IDataDistribution"/>, drawn with the run's data generator.</summary>
public sealed class DistributionTrainingData : ITrainingData
{
    readonly IDataDistribution _distribution;

    /// <summary>Wraps a distribution.</summary>
    public DistributionTrainingData(IDataDistribution distribution, string? description = null)
    {
        _distribution = distribution ?? throw new ArgumentNullException(nameof(distribution));
        Description = description ?? distribution.ToString() ?? distribution.GetType().Name;
    }

    /// <inheritdoc/>
    public long[] EventShape => _distribution.EventShape;

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Tensor Batch(long step, int batchSize, ulong seed, Generator generator)
    {
        using var scope = NewDisposeScope();
        return _distribution.Sample(batchSize, generator).to_type(ScalarType.Float64).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor HeldOut(int count, Generator generator)
    {
        using var scope = NewDisposeScope();
        return _distribution.Sample(count, generator).to_type(ScalarType.Float64).MoveToOuterDisposeScope();
    }
}
