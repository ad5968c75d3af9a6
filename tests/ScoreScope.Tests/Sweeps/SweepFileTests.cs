using ScoreScope.Sweeps;

namespace ScoreScope.Tests.Sweeps;

/// <summary>Sweep files: the three axis kinds, number spelling kept, and every malformed file refused with its reason.</summary>
public sealed class SweepFileTests
{
    const string Valid = """
        {
          "name": "samplers",
          "command": "sample",
          "options": { "data": "gmm8", "n": 2000, "t-min": 1e-3, "denoise": true, "set:mu": 1.5 },
          "axes": [
            { "grid": { "sampler": ["heun", "euler-maruyama"], "grid": ["edm", "uniform"] } },
            { "zip": { "steps": [16, 32, 64], "snr": [0.1, 0.2, 0.3] } },
            { "seeds": { "start": 5, "count": 2 } }
          ]
        }
        """;

    [Fact]
    public void A_valid_file_gives_its_axes_and_options()
    {
        var sweep = SweepFile.Parse(Valid, "s.json");
        Assert.Equal("samplers", sweep.Name);
        Assert.Equal(["sample"], sweep.Command);
        Assert.Equal("1e-3", sweep.Options["t-min"]);
        Assert.Equal("true", sweep.Options["denoise"]);
        Assert.Equal("1.5", sweep.Options["set:mu"]);
        Assert.Equal([SweepAxisKind.Grid, SweepAxisKind.Grid, SweepAxisKind.Zip, SweepAxisKind.Seeds], sweep.Axes.Select(a => a.Kind));
        Assert.Equal(["5", "6"], sweep.Axes[3].Values["seed"]);
        Assert.Equal(2 * 2 * 3 * 2, sweep.PointCount);
    }

    [Fact]
    public void A_command_may_be_a_list_of_words()
    {
        var sweep = SweepFile.Parse("""{ "name": "s", "command": ["reproduce", "spectra"], "axes": [ { "seeds": [1, 2] } ] }""", "s.json");
        Assert.Equal("reproduce spectra", sweep.CommandText);
        Assert.Equal(2, sweep.PointCount);
    }

    [Theory]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "grid": { "sampler": [] } } ] }""", "axes[1].grid.sampler is empty")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "zip": { "steps": [1, 2], "snr": [0.1] } } ] }""", "unequal lengths (steps: 2, snr: 1)")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "seeds": [] } ] }""", "axes[1].seeds is empty")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "seeds": { "count": 0 } } ] }""", "seeds.count must be an integer ≥ 1")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "seeds": ["x"] } ] }""", "'x' is not a non-negative integer seed")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "cube": { "n": [1] } } ] }""", "unknown axis kind 'cube'")]
    [InlineData("""{ "name": "s", "command": "sample", "bogus": 1 }""", "unknown key 'bogus'")]
    [InlineData("""{ "name": "", "command": "sample" }""", "'name' '' must be a non-empty name")]
    [InlineData("""{ "name": "s" }""", "'command' is missing")]
    [InlineData("""{ "name": "s", "command": "sweep run" }""", "cannot be 'sweep'")]
    [InlineData("""{ "name": "s", "command": "sample --n 3" }""", "without options")]
    [InlineData("""{ "name": "s", "command": "sample", "options": { "n": 1 }, "axes": [ { "grid": { "n": [1, 2] } } ] }""", "option 'n' is already set in options")]
    [InlineData("""{ "name": "s", "command": "sample", "options": { "out": "x" } }""", "option 'out' is set by 'sweep run'")]
    [InlineData("""{ "name": "s", "command": "sample", "options": { "--n": 3 } }""", "must be written without dashes")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "grid": { "n": [1, 1] } } ] }""", "repeats a value (1)")]
    [InlineData("""{ "name": "s", "command": "sample", "options": { "n": null } }""", "must be a string, a number or true/false")]
    [InlineData("""{ "name": "s", "command": "sample", """, "is not valid JSON")]
    public void Malformed_files_are_refused_with_the_reason(string json, string expected)
    {
        var e = Assert.Throws<SweepFileException>(() => SweepFile.Parse(json, "bad.json"));
        Assert.StartsWith("sweep file 'bad.json': ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<SweepFileException>(() => SweepFile.Load("/nonexistent/sweep.json"));
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }
}
