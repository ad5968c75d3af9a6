using System.Text.Json.Nodes;
using ScoreScope.Cli.Errors;
using ScoreScope.Data;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 2, deliverable 8: a small <c>scorescope sample</c> run writes samples.npy (n × d), a fully resolved
/// config.json that reproduces the run bit for bit, metrics.json and a PNG; <c>--force</c> replaces a previous run.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleCommandTests : IDisposable
{
    const string Seed = "3";
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    static string[] Small(string output, params string[] extra) =>
        ["sample", "--n", "400", "--steps", "6", "--seed", Seed, "--out", output, .. extra];

    [Fact]
    public void Small_run_writes_every_file_with_the_right_shapes()
    {
        string output = _harness.PathOf("runs", "small");

        var result = CliHarness.Run(Small(output));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains(output, result.Output);
        foreach (var file in new[] { "samples.npy", "config.json", "metrics.json", "samples.png" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, $"{file} missing or empty");
        }
        using var samples = NpyFile.Read(Path.Combine(output, "samples.npy"));
        Assert.Equal([400L, 2L], samples.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, samples.dtype);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!;
        Assert.Equal(8, metrics["mode-occupancy"]!["values"]!.AsArray().Count);
        Assert.InRange(metrics["energy-distance"]!["p-value"]!.GetValue<double>(), 0.0, 1.0);
        Assert.DoesNotContain(_harness.Entries(), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public void Config_json_is_fully_resolved()
    {
        string output = _harness.PathOf("run");

        CliHarness.Run(Small(output));

        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "config.json")))!;
        Assert.Equal("sample", config["command"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(config["scorescope-version"]!.GetValue<string>()));
        var options = config["options"]!.AsObject();
        Assert.Equal(3UL, options["seed"]!.GetValue<ulong>());
        Assert.Equal(0.1, options["beta-min"]!.GetValue<double>());
        Assert.Equal(20.0, options["beta-max"]!.GetValue<double>());
        Assert.False(options.ContainsKey("sigma-min"), "VE parameters are not recorded for a VP run");
        foreach (var key in new[] { "data", "process", "score", "sampler", "steps", "grid", "t-min", "denoise", "n", "batch", "dtype", "device" })
        {
            Assert.True(options.ContainsKey(key), $"config.json lacks options.{key}");
        }
    }

    [Fact]
    public void Rerunning_from_config_json_reproduces_samples_bit_for_bit()
    {
        string first = _harness.PathOf("first");
        string second = _harness.PathOf("second");
        Assert.Equal(ExitCodes.Success, CliHarness.Run(Small(first, "--sampler", "euler-maruyama")).ExitCode);

        var result = CliHarness.Run("sample", "--config", Path.Combine(first, "config.json"), "--out", second);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "samples.npy")), File.ReadAllBytes(Path.Combine(second, "samples.npy")));
        Assert.Equal(
            JsonNode.Parse(File.ReadAllText(Path.Combine(first, "config.json")))!["options"]!.ToJsonString(),
            JsonNode.Parse(File.ReadAllText(Path.Combine(second, "config.json")))!["options"]!.ToJsonString());
    }

    [Fact]
    public void Flags_override_the_config_file()
    {
        string first = _harness.PathOf("first");
        string second = _harness.PathOf("second");
        CliHarness.Run(Small(first));

        var result = CliHarness.Run("sample", "--config", Path.Combine(first, "config.json"), "--steps", "4",
            "--process", "ve", "--out", second);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var options = JsonNode.Parse(File.ReadAllText(Path.Combine(second, "config.json")))!["options"]!.AsObject();
        Assert.Equal(4, options["steps"]!.GetValue<int>());
        Assert.Equal("ve", options["process"]!.GetValue<string>());
        Assert.Equal(3UL, options["seed"]!.GetValue<ulong>());
        Assert.Equal(400, options["n"]!.GetValue<int>());
        Assert.False(options.ContainsKey("beta-min"), "the config's VP parameters are dropped when --process switches to ve");
        Assert.Equal(0.01, options["sigma-min"]!.GetValue<double>());
    }

    [Fact]
    public void Samples_do_not_depend_on_the_batch_size()
    {
        string whole = _harness.PathOf("whole");
        string batched = _harness.PathOf("batched");

        CliHarness.Run(Small(whole, "--sampler", "pc"));
        CliHarness.Run(Small(batched, "--sampler", "pc", "--batch", "64"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "samples.npy")), File.ReadAllBytes(Path.Combine(batched, "samples.npy")));
    }

    [Fact]
    public void The_old_spelling_batch_size_still_works_as_a_flag_and_as_a_config_key_and_is_hidden_from_help()
    {
        string current = _harness.PathOf("current"), flag = _harness.PathOf("flag"), config = _harness.PathOf("config");
        Assert.Equal(0, CliHarness.Run(Small(current, "--batch", "64")).ExitCode);
        var old = CliHarness.Run(Small(flag, "--batch-size", "64"));
        Assert.True(old.ExitCode == ExitCodes.Success, old.ToString());

        // An old config.json that spells the key batch-size.
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(current, "config.json")))!.AsObject();
        var options = json["options"]!.AsObject();
        Assert.Equal(64, options["batch"]!.GetValue<int>());
        options.Remove("batch");
        options["batch-size"] = 64;
        string oldConfig = _harness.PathOf("old-config.json");
        File.WriteAllText(oldConfig, json.ToJsonString());
        var fromConfig = CliHarness.Run(["sample", "--config", oldConfig, "--out", config]);
        Assert.True(fromConfig.ExitCode == ExitCodes.Success, fromConfig.ToString());

        byte[] expected = File.ReadAllBytes(Path.Combine(current, "samples.npy"));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(flag, "samples.npy")));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(config, "samples.npy")));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(config, "config.json")))!["options"]!.AsObject();
        Assert.Equal(64, written["batch"]!.GetValue<int>());
        Assert.False(written.ContainsKey("batch-size"), "the rerun records the current key only");
        Assert.DoesNotContain("--batch-size", CliHarness.Run("sample", "--help").Output);
    }

    [Fact]
    public void Force_replaces_a_previous_run()
    {
        string output = _harness.PathOf("run");
        CliHarness.Run(Small(output));
        var before = File.ReadAllBytes(Path.Combine(output, "samples.npy"));

        var refused = CliHarness.Run(["sample", "--n", "400", "--steps", "6", "--seed", "4", "--out", output]);
        var forced = CliHarness.Run(["sample", "--n", "400", "--steps", "6", "--seed", "4", "--out", output, "--force"]);

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        Assert.NotEqual(before, File.ReadAllBytes(Path.Combine(output, "samples.npy")));
        Assert.Equal(4UL, JsonNode.Parse(File.ReadAllText(Path.Combine(output, "config.json")))!["options"]!["seed"]!.GetValue<ulong>());
        Assert.DoesNotContain(_harness.Entries(), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public void Absent_seed_is_drawn_printed_and_recorded()
    {
        string output = _harness.PathOf("run");

        var result = CliHarness.Run("sample", "--n", "200", "--steps", "4", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "config.json")))!["options"]!["seed"]!.GetValue<ulong>();
        Assert.Contains($"seed:    {seed} (drawn", result.Output);
    }

    [Fact]
    public void Gaussian10_run_writes_float64_samples_of_dimension_10()
    {
        string output = _harness.PathOf("g10");

        var result = CliHarness.Run("sample", "--data", "gaussian10", "--process", "ve", "--sampler", "ancestral",
            "--grid", "geometric", "--n", "300", "--steps", "8", "--seed", "1", "--dtype", "float64", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var samples = NpyFile.Read(Path.Combine(output, "samples.npy"));
        Assert.Equal([300L, 10L], samples.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float64, samples.dtype);
        Assert.Null(JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!["mode-occupancy"]);
    }
}
