using ScoreScope.Numerics;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

public sealed class DatasetTrainingDataTests
{
    [Fact]
    public void Each_epoch_visits_every_sample_once_and_batches_depend_only_on_step_and_seed()
    {
        using var scope = NewDisposeScope();
        using var data = new DatasetTrainingData(ScalarArithmetic.Arange(0, 10, ScalarType.Float64).reshape(10, 1));
        using var unused = ScoreScope.Numerics.Seeds.Generator(0);
        // 5 steps of 4 = 20 positions = 2 epochs of 10
        var visited = Enumerable.Range(0, 5).SelectMany(s => data.Batch(s, 4, seed: 3, unused).data<double>().ToArray()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), visited[..10].OrderBy(v => v));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), visited[10..].OrderBy(v => v));
        Assert.NotEqual(visited[..10], visited[10..]);
        using var again = new DatasetTrainingData(ScalarArithmetic.Arange(0, 10, ScalarType.Float64).reshape(10, 1));
        Assert.Equal(visited[12..16], again.Batch(3, 4, seed: 3, unused).data<double>().ToArray());
    }
}
