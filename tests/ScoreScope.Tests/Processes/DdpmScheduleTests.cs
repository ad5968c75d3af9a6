using ScoreScope.Processes;
using Xunit;

namespace ScoreScope.Tests.Processes;

/// <summary><see cref="DdpmSchedule"/>: the linear β of Ho et al. 2020 and ᾱₜ against the values of docs/science/simplicity-bias.md §4.</summary>
public sealed class DdpmScheduleTests
{
    [Fact]
    public void Alpha_bar_equals_the_documented_values_and_the_product_of_one_minus_beta()
    {
        var schedule = new DdpmSchedule();
        Assert.Equal(1e-4, schedule.Beta(0), 15);
        Assert.Equal(0.02, schedule.Beta(999), 15);
        Assert.Equal(0.8951, schedule.AlphaBar(100), 4);
        Assert.Equal(0.0778, schedule.AlphaBar(500), 4);
        Assert.Equal(0.00151, schedule.AlphaBar(800), 5);
        double product = 1;
        for (int t = 0; t <= 700; t++) product *= 1 - schedule.Beta(t);
        Assert.Equal(product, schedule.AlphaBar(700), 14);
        Assert.True(schedule.AlphaBar(999) < 1e-4);
    }

    [Theory]
    [InlineData(1, 1e-4, 0.02)]
    [InlineData(1000, 0, 0.02)]
    [InlineData(1000, 0.02, 0.01)]
    [InlineData(1000, 1e-4, 1)]
    public void Invalid_schedules_are_refused(int steps, double start, double end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DdpmSchedule(steps, start, end));

    [Fact]
    public void Indices_outside_the_schedule_are_refused()
    {
        var schedule = new DdpmSchedule(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.AlphaBar(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Beta(-1));
    }
}
