using ScoreScope.Data;
using ScoreScope.Experiments.Cumulants;
using ScoreScope.Experiments.Singular;
using ScoreScope.Experiments.Spectra;

namespace ScoreScope.Experiments.Tests;

/// <summary><see cref="ParameterAssignment"/>: <c>--set name=value</c> by kebab-case name for every parameter type, and one
/// <see cref="ExperimentParameterException"/> naming the parameter and what is valid for everything else.</summary>
public sealed class ParameterAssignmentTests
{
    [Fact]
    public void Integers_reals_longs_lists_and_variance_blocks_are_set_on_a_copy()
    {
        var singular = new SingularExperiment().Quick;
        var set = ParameterAssignment.Assign(singular, "training-steps", "7");
        set = ParameterAssignment.Assign(set, "learning-rate", "1e-3");
        set = ParameterAssignment.Assign(set, "parametrisations", "noise,data");
        Assert.Equal(7, set.TrainingSteps);
        Assert.Equal(1e-3, set.LearningRate);
        Assert.Equal(["noise", "data"], set.Parametrisations);
        Assert.Equal(300, singular.TrainingSteps);
        Assert.True(set.Quick);

        var toy = ParameterAssignment.Assign(CumulantsToySettings.QuickRun, "trained-samples", "12345678901");
        Assert.Equal(12_345_678_901L, toy.TrainedSamples);

        var spectra = ParameterAssignment.Assign(new SpectraExperiment().Full, "two-variances", "10:1,30:0.25");
        Assert.Equal([new VarianceBlock(10, 1.0), new VarianceBlock(30, 0.25)], spectra.TwoVariances);
        Assert.Equal("10:1,30:0.25", ParameterAssignment.Format(spectra, "two-variances"));
    }

    [Fact]
    public void Integer_lists_and_names_are_set_and_bad_ones_refused()
    {
        var mcm = new Experiments.MixedCumulants.MixedCumulantExperiment().Quick;
        var set = ParameterAssignment.Assign(mcm, "sweep-quartic-dimensions", "8, 16,32");
        set = ParameterAssignment.Assign(set, "activation", "relu");
        Assert.Equal([8, 16, 32], set.SweepQuarticDimensions);
        Assert.Equal("relu", set.Activation);
        Assert.Equal("8,16,32", ParameterAssignment.Format(set, "sweep-quartic-dimensions"));
        var list = Assert.Throws<ExperimentParameterException>(() => ParameterAssignment.Assign(mcm, "sweep-quartic-dimensions", "8,x"));
        Assert.Contains("list of integers", list.Valid, StringComparison.Ordinal);
        var name = Assert.Throws<ExperimentParameterException>(() => ParameterAssignment.Assign(mcm, "activation", " "));
        Assert.Contains("non-empty name", name.Valid, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training-steps", "abc", "an integer")]
    [InlineData("steps", "1.5", "an integer")]
    [InlineData("learning-rate", "NaN", "a finite number")]
    [InlineData("parametrisations", "noise,,data", "a comma-separated list of names")]
    [InlineData("no-such-parameter", "1", "valid names: oracle-samples")]
    [InlineData("seed", "1", "valid names:")]
    [InlineData("threads", "2", "valid names:")]
    public void Bad_names_and_values_name_the_parameter_and_what_is_valid(string name, string value, string valid)
    {
        var e = Assert.Throws<ExperimentParameterException>(() => ParameterAssignment.Assign(new SingularExperiment().Quick, name, value));
        Assert.Equal(name, e.Parameter);
        Assert.Equal(value, e.Value);
        Assert.Contains(valid, e.Valid, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20:0")]
    [InlineData("0:1")]
    [InlineData("20")]
    [InlineData("20:1;20:0.3")]
    public void Bad_variance_blocks_are_refused(string value)
    {
        var e = Assert.Throws<ExperimentParameterException>(() => ParameterAssignment.Assign(new SpectraExperiment().Full, "single-variance", value));
        Assert.Contains("dimension:σ", e.Valid, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_parameter_of_every_experiment_round_trips_through_its_text()
    {
        foreach (var experiment in ExperimentRegistry.All)
        {
            var full = experiment.Preset(quick: false);
            foreach (string name in ParameterAssignment.Names(experiment.ParametersType))
            {
                string text = ParameterAssignment.Format(full, name);
                var again = ParameterAssignment.Assign(full, name, text);
                Assert.Equal(text, ParameterAssignment.Format(again, name));
            }
        }
    }

    [Fact]
    public void Range_checks_name_the_parameter()
    {
        var experiment = new SpectraExperiment();
        var e = Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Quick with { TrainingMaximumTime = 0.05 }));
        Assert.Equal("training-maximum-time", e.Parameter);
        Assert.Contains("(0.12, 1]", e.Valid, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_spellings_of_the_step_budgets_set_the_one_current_name_and_are_not_listed()
    {
        // Issue 11: one spelling — training-steps (training budget) and sampling-steps (sampler steps) — in every experiment.
        var toy = ParameterAssignment.Assign(ParameterAssignment.Assign(CumulantsToySettings.QuickRun, "train-steps", "11"), "steps", "13");
        Assert.Equal((11, 13), (toy.TrainingSteps, toy.SamplingSteps));
        Assert.Equal(17, ParameterAssignment.Assign(new SingularExperiment().Quick, "steps", "17").TrainingSteps);
        Assert.Equal("training-steps", ParameterAssignment.Canonical(typeof(SingularSettings), "steps"));
        Assert.Equal("sampling-steps", ParameterAssignment.Canonical(typeof(CumulantsToySettings), "steps"));
        Assert.Null(ParameterAssignment.Canonical(typeof(SingularSettings), "no-such-name"));
        foreach (var experiment in ExperimentRegistry.All)
        {
            var names = ParameterAssignment.Names(experiment.ParametersType);
            Assert.DoesNotContain("steps", names);
            Assert.DoesNotContain("train-steps", names);
            Assert.All(names.Where(n => n.EndsWith("steps", StringComparison.Ordinal) && n.Contains("train", StringComparison.Ordinal)),
                n => Assert.Equal("training-steps", n));
        }
    }
}
