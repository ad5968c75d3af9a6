using ScoreScope.Data;
using ScoreScope.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

public sealed class TrainerTests
{
    static void AssertIdentical(ScoreScope.Scores.ScoreModel expected, ScoreScope.Scores.ScoreModel actual, string what)
    {
        var e = expected.Network.state_dict();
        var a = actual.Network.state_dict();
        Assert.Equal(e.Keys.OrderBy(k => k), a.Keys.OrderBy(k => k));
        foreach (var key in e.Keys)
            Assert.True(e[key].equal(a[key]).all().item<bool>(), $"{what}: '{key}' differs bit-wise.");
    }

    [Fact]
    public void Training_K_steps_stopping_and_resuming_K_more_is_bit_identical_to_2K_straight()
    {
        // Given the same tiny run twice (200 steps, checkpoints every 50)
        using var gmm = GaussianMixtureDistribution.Ring();
        var data = new DistributionTrainingData(gmm, "gmm8");
        var options = TrainingTestModels.TinyOptions(200);
        string straightDirectory = TrainingTestModels.TemporaryDirectory(), resumedDirectory = TrainingTestModels.TemporaryDirectory();

        // When one trains 200 steps straight and the other stops at 100 and resumes from its checkpoint in a new trainer
        using var straight = new Trainer(TrainingTestModels.TinyMlp(), options, data);
        var straightResult = straight.Run(straightDirectory);
        using (var first = new Trainer(TrainingTestModels.TinyMlp(), options, data))
        {
            var stopped = first.Run(resumedDirectory, stopAtStep: 100);
            Assert.False(stopped.Completed);
            Assert.Equal(100, stopped.Step);
        }
        using var resumed = Trainer.Resume(Path.Combine(resumedDirectory, Trainer.CheckpointFileName), data);
        Assert.Equal(100, resumed.Step);
        var resumedResult = resumed.Run(resumedDirectory);

        // Then weights, EMA weights and the final held-out loss agree exactly
        Assert.True(straightResult.Completed && resumedResult.Completed);
        AssertIdentical(straight.Model, resumed.Model, "weights");
        AssertIdentical(straight.EmaModel, resumed.EmaModel, "EMA weights");
        Assert.Equal(straightResult.LastMetrics!.HeldOutLossEma, resumedResult.LastMetrics!.HeldOutLossEma);
        // and metrics.csv of the resumed run has one row per evaluation, none duplicated
        var steps = File.ReadAllLines(Path.Combine(resumedDirectory, Trainer.MetricsFileName)).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(new[] { "50", "100", "150", "200" }, steps);
    }

    [Fact]
    public void Resume_is_exact_for_minibatches_of_a_fixed_dataset()
    {
        // Given 300 points of gmm8 as a fixed dataset (batches of 64 cross epoch boundaries)
        using var gmm = GaussianMixtureDistribution.Ring();
        using var points = gmm.Sample(300, ScoreScope.Numerics.Seeds.Generator(5));
        using var data = new DatasetTrainingData(points, description: "gmm8 x300");
        var options = TrainingTestModels.TinyOptions(40) with { CheckpointEvery = 0, EvaluateEvery = 20 };
        string directory = TrainingTestModels.TemporaryDirectory();

        // When one run trains 40 steps and another stops at 20 and resumes
        using var straight = new Trainer(TrainingTestModels.TinyMlp(), options, data);
        straight.Run();
        using (var first = new Trainer(TrainingTestModels.TinyMlp(), options, data)) first.Run(directory, stopAtStep: 20);
        using var resumed = Trainer.Resume(Path.Combine(directory, Trainer.CheckpointFileName), data);
        resumed.Run(directory);

        // Then the weights agree bit for bit
        AssertIdentical(straight.Model, resumed.Model, "weights");
    }

    [Fact]
    public void A_nan_loss_stops_training_naming_the_step_and_the_last_checkpoint_loads()
    {
        // Given data whose batch at step 37 (0-based index 36) is NaN, and checkpoints every 10 steps
        using var gmm = GaussianMixtureDistribution.Ring();
        var data = new TrainingTestModels.PoisonedData(gmm, poisonedStep: 36);
        var options = TrainingTestModels.TinyOptions(100) with { CheckpointEvery = 10 };
        string directory = TrainingTestModels.TemporaryDirectory();
        using var trainer = new Trainer(TrainingTestModels.TinyMlp(), options, data);

        // When training runs
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Run(directory));

        // Then the exception names step 37 and the step-30 checkpoint, which loads and gives finite scores
        Assert.Equal(37, e.Step);
        Assert.Equal(30, e.LastCheckpointStep);
        Assert.Contains("step 37", e.Message);
        Assert.Contains(Trainer.CheckpointFileName, e.Message);
        Assert.Equal(36, trainer.Step);
        using var loaded = ScoreModelFile.Load(e.LastCheckpointPath!);
        using var scope = NewDisposeScope();
        using var x = gmm.Sample(8, ScoreScope.Numerics.Seeds.Generator(1));
        Assert.True(loaded.Score(x, 0.5).isfinite().all().item<bool>(), "The checkpointed model gives non-finite scores.");
        using var resumed = Trainer.Resume(e.LastCheckpointPath!, data);
        Assert.Equal(30, resumed.Step);
    }

    [Fact]
    public void A_thousand_training_steps_keep_the_live_tensor_count_bounded()
    {
        // Given a very small model and batch
        using var gmm = GaussianMixtureDistribution.Ring();
        var options = TrainingTestModels.TinyOptions(1100) with { BatchSize = 16, EvaluateEvery = 250, HeldOutSize = 64 };
        using var trainer = new Trainer(TrainingTestModels.TinyMlp(width: 8), options, new DistributionTrainingData(gmm));

        // When we train 100 steps to warm up (optimizer state exists), then 1000 more
        trainer.Run(stopAtStep: 100);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.Run(stopAtStep: 1100);
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        // Then the number of live tensors did not grow with the number of steps
        Assert.Equal(1100, trainer.Step);
        Assert.True(after - before <= 16, $"Live tensors grew from {before} to {after} over 1000 steps.");
    }

    [Fact]
    public void Training_lowers_the_held_out_loss()
    {
        using var gmm = GaussianMixtureDistribution.Ring();
        var options = TrainingTestModels.TinyOptions(300) with { LearningRate = 3e-3 };
        using var trainer = new Trainer(TrainingTestModels.TinyMlp(), options, new DistributionTrainingData(gmm));
        var initial = trainer.HeldOutLoss(trainer.EmaModel).Mean;
        var result = trainer.Run();
        Assert.True(result.LastMetrics!.HeldOutLossEma < 0.95 * initial,
            $"Held-out loss {result.LastMetrics.HeldOutLossEma:G4} is not clearly below the initial {initial:G4}.");
        Assert.Equal(4, result.LastMetrics.HeldOutLossEmaByBucket.Count);
    }

    [Fact]
    public void Mismatched_data_and_model_shapes_are_rejected_naming_both()
    {
        using var gaussian = GaussianDistribution.Standard(3);
        var e = Assert.Throws<ArgumentException>(() =>
            new Trainer(TrainingTestModels.TinyMlp(), TrainingTestModels.TinyOptions(10), new DistributionTrainingData(gaussian)));
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[2]", e.Message);
    }
}
