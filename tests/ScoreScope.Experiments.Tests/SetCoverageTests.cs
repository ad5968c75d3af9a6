namespace ScoreScope.Experiments.Tests;

/// <summary>
/// Every paper parameter of every registered experiment is settable through <c>--set</c> (issue 13, deliverable 4): for
/// each public property of each parameter record (the common ones aside) the name is listed by
/// <see cref="ParameterAssignment.Names"/>, and setting the quick preset's value on the full preset gives exactly that
/// value (for the many parameters where the presets differ this proves the assignment reaches the property).
/// </summary>
public sealed class SetCoverageTests
{
    [Fact]
    public void Every_parameter_of_every_experiment_round_trips_through_set()
    {
        int parameters = 0, differing = 0;
        foreach (var experiment in ExperimentRegistry.All)
        {
            var full = experiment.Preset(quick: false);
            var quick = experiment.Preset(quick: true);
            var names = ParameterAssignment.Names(experiment.ParametersType);
            var properties = experiment.ParametersType.GetProperties()
                .Where(p => p.CanWrite && p.DeclaringType != typeof(ExperimentParameters) && p.Name != "EqualityContract").ToArray();
            Assert.Equal(properties.Length, names.Count);
            foreach (string name in names)
            {
                string target = ParameterAssignment.Format(quick, name);
                if (target != ParameterAssignment.Format(full, name)) differing++;
                var assigned = (ExperimentParameters)typeof(ParameterAssignment).GetMethod(nameof(ParameterAssignment.Assign))!
                    .MakeGenericMethod(experiment.ParametersType).Invoke(null, [full, name, target])!;
                Assert.Equal(target, ParameterAssignment.Format(assigned, name));
                foreach (string other in names.Where(n => n != name))
                    Assert.Equal(ParameterAssignment.Format(full, other), ParameterAssignment.Format(assigned, other));
                parameters++;
            }
        }
        Assert.True(parameters >= 60, $"only {parameters} parameters found");
        Assert.True(differing >= 20, $"only {differing} parameters differ between the presets");
    }
}
