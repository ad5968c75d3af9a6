using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

public sealed class ScoreModelFileTests
{
    [Theory]
    [InlineData(ParametrisationKind.Edm, TimeEmbeddingKind.GaussianFourier)]
    [InlineData(ParametrisationKind.Noise, TimeEmbeddingKind.Sinusoidal)]
    public void Save_then_load_gives_identical_scores(ParametrisationKind kind, TimeEmbeddingKind embedding)
    {
        // Given a briefly trained model (Gaussian-Fourier frequencies are seeded buffers that must travel with the file)
        using var gmm = GaussianMixtureDistribution.Ring();
        using var trainer = new Trainer(TrainingTestModels.TinyMlp(kind, embedding), TrainingTestModels.TinyOptions(20), new DistributionTrainingData(gmm));
        trainer.Run();
        string path = Path.Combine(TrainingTestModels.TemporaryDirectory(), "model.ckpt");

        // When it is saved and loaded (the loader rebuilds the network from the recorded config with a different seed)
        ScoreModelFile.Save(trainer.EmaModel, path);
        using var loaded = ScoreModelFile.Load(path);

        // Then config and scores are identical
        Assert.Equal(TrainingJson.Serialize(trainer.EmaModel.Config), TrainingJson.Serialize(loaded.Config));
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(9);
        var x = gmm.Sample(32, generator);
        foreach (var t in new[] { 0.05, 0.5, 1.0 })
            Assert.True(trainer.EmaModel.Score(x, t).equal(loaded.Score(x, t)).all().item<bool>(), $"Scores differ at t = {t}.");
    }

    [Fact]
    public void The_config_round_trips_through_json_with_a_kind_discriminator()
    {
        var config = TrainingTestModels.TinyMlp() with { SigmaData = 2.5 };
        string json = TrainingJson.Serialize(config);
        Assert.Contains("\"kind\": \"mlp\"", json);
        Assert.Contains("\"parametrisation\": \"Edm\"", json);
        var back = TrainingJson.Deserialize<ScoreModelConfig>(json);
        Assert.Equal(json, TrainingJson.Serialize(back));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_rejected_naming_it()
    {
        string path = Path.Combine(TrainingTestModels.TemporaryDirectory(), "junk.ckpt");
        File.WriteAllText(path, "not a model");
        var e = Assert.Throws<ModelFileException>(() => ScoreModelFile.Load(path));
        Assert.Contains(path, e.Message);
    }
}
