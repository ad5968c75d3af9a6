using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>A data distribution p₀ one can draw from. Samples are float64 tensors of shape [n, …EventShape].</summary>
public interface IDataDistribution
{
    /// <summary>The shape of one sample (e.g. [2] for 2-D points).</summary>
    long[] EventShape { get; }

    /// <summary>Draws <paramref name="count"/> samples using only <paramref name="generator"/>.</summary>
    Tensor Sample(long count, Generator generator);
}
