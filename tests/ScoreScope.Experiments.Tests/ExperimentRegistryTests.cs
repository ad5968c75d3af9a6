using System.Text.RegularExpressions;

namespace ScoreScope.Experiments.Tests;

/// <summary>Every registered experiment is complete: a unique name, a paper with an arXiv id, stages, and valid presets.</summary>
public sealed partial class ExperimentRegistryTests
{
    [Fact]
    public void Names_are_unique_lower_case_and_findable()
    {
        Assert.Equal(7, ExperimentRegistry.All.Count);
        Assert.Equal(ExperimentRegistry.Names.Count, ExperimentRegistry.Names.Distinct(StringComparer.Ordinal).Count());
        foreach (var experiment in ExperimentRegistry.All)
        {
            Assert.Matches(KebabName(), experiment.Name);
            Assert.NotEqual("all", experiment.Name);
            Assert.Same(experiment, ExperimentRegistry.Find(experiment.Name));
        }
        Assert.Null(ExperimentRegistry.Find("nonexistent"));
    }

    [Fact]
    public void Every_experiment_names_its_paper_stages_and_devices()
    {
        foreach (var experiment in ExperimentRegistry.All)
        {
            Assert.Matches(ArxivId(), experiment.Paper.ArxivId);
            Assert.False(string.IsNullOrWhiteSpace(experiment.Paper.Citation));
            Assert.NotEmpty(experiment.Stages);
            Assert.Equal("cpu", experiment.Devices[0]);
            Assert.False(string.IsNullOrWhiteSpace(experiment.Summary));
        }
    }

    [Fact]
    public void The_presets_are_valid_and_differ_only_in_quick_and_budgets()
    {
        foreach (var experiment in ExperimentRegistry.All)
        {
            var full = experiment.Preset(quick: false);
            var quick = experiment.Preset(quick: true);
            Assert.IsType(experiment.ParametersType, full);
            Assert.False(full.Quick, experiment.Name);
            Assert.True(quick.Quick, experiment.Name);
            Assert.Equal(full.Seed, quick.Seed);
            Assert.Equal("cpu", full.Device);
            experiment.Validate(full);
            experiment.Validate(quick);
            Assert.NotEqual(full, quick);
        }
    }

    [Fact]
    public void Threads_and_device_are_validated_for_every_experiment()
    {
        foreach (var experiment in ExperimentRegistry.All)
        {
            var threads = Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Preset(true) with { Threads = 0 }));
            Assert.Equal("threads", threads.Parameter);
            var device = Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Preset(true) with { Device = "cuda" }));
            Assert.Equal("device", device.Parameter);
            Assert.Contains("cpu", device.Valid, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KebabName();

    [GeneratedRegex(@"^\d{4}\.\d{4,5}$")]
    private static partial Regex ArxivId();
}
