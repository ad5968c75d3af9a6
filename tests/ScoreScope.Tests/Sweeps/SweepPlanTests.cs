using ScoreScope.Sweeps;

namespace ScoreScope.Tests.Sweeps;

/// <summary>Expansion: the Cartesian product in file order, stable ids, and the command line of a point.</summary>
public sealed class SweepPlanTests
{
    static SweepDefinition Sweep(string axes) => SweepFile.Parse(
        $$"""{ "name": "s", "command": "sample", "options": { "data": "gmm8" }, "axes": [ {{axes}} ] }""", "s.json");

    [Fact]
    public void Points_are_the_product_of_the_axes_with_the_first_axis_slowest()
    {
        var points = SweepPlan.Expand(Sweep("""{ "grid": { "sampler": ["heun", "pc"] } }, { "zip": { "steps": [8, 16], "snr": [0.1, 0.2] } }, { "seeds": [1, 2, 3] }"""));
        Assert.Equal(2 * 2 * 3, points.Count);
        Assert.Equal(points.Count, points.Select(p => p.Id).Distinct().Count());
        Assert.Equal(["heun", "8", "0.1", "1"], new[] { points[0].Options["sampler"], points[0].Options["steps"], points[0].Options["snr"], points[0].Options["seed"] });
        Assert.Equal(["heun", "8", "0.1", "2"], new[] { points[1].Options["sampler"], points[1].Options["steps"], points[1].Options["snr"], points[1].Options["seed"] });
        Assert.Equal(["pc", "16", "0.2", "3"], new[] { points[^1].Options["sampler"], points[^1].Options["steps"], points[^1].Options["snr"], points[^1].Options["seed"] });
        Assert.All(points, p => Assert.Equal("gmm8", p.Options["data"]));
    }

    [Fact]
    public void Ids_depend_only_on_the_point_so_editing_the_sweep_keeps_finished_ids()
    {
        var before = SweepPlan.Expand(Sweep("""{ "grid": { "sampler": ["heun", "pc"] } }, { "seeds": [1, 2] }"""));
        var after = SweepPlan.Expand(Sweep("""{ "seeds": [1, 2, 3] }, { "grid": { "sampler": ["pc", "heun", "euler"] } }"""));
        Assert.Equal(9, after.Count);
        Assert.All(before, p => Assert.Contains(after, q => q.Id == p.Id));
        Assert.Matches("^[0-9a-f]{12}$", before[0].Id);
    }

    [Fact]
    public void A_point_becomes_one_command_line()
    {
        var point = new SweepPoint(["reproduce", "spectra"], new Dictionary<string, string>
        {
            ["quick"] = "true", ["check"] = "false", ["set:points"] = "3", ["seed"] = "7",
        });
        Assert.Equal(["reproduce", "spectra", "--quick", "--seed", "7", "--set", "points=3", "--threads", "2", "--out", "D/p", "--force"],
            point.Arguments("D/p", force: true, threads: 2));
        var own = new SweepPoint(["sample"], new Dictionary<string, string> { ["threads"] = "4" });
        Assert.Equal(["sample", "--threads", "4", "--out", "o"], own.Arguments("o", threads: 2));
    }
}
