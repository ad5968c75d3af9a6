using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 2, deliverable 8: bad input to <c>scorescope sample</c> gives exactly one line on stderr naming the option
/// or file, the bad value and the valid range, exit code 2, no stack trace, and nothing written.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleCommandBadInputTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<string[], string[]> FlagCases() => new()
    {
        // args (OUT = the run folder), substrings the one line must contain
        { ["--bogus", "1"], ["'--bogus'", "valid options", "--steps"] },
        { ["--process", "ve", "--sigma-min", "-1"], ["--sigma-min", "-1", "> 0"] },
        { ["--process", "ve", "--sigma-min", "2", "--sigma-max", "1"], ["--sigma-max", "got 1", "> --sigma-min = 2"] },
        { ["--beta-min", "-0.5"], ["--beta-min", "-0.5", "≥ 0"] },
        { ["--steps", "0"], ["--steps", "got 0", "[1, 1000000]"] },
        { ["--steps", "abc"], ["--steps", "'abc'", "integer"] },
        { ["--n", "-5"], ["--n", "got -5", "≥ 1"] },
        { ["--batch", "0"], ["--batch", "got 0", "≥ 1"] },
        { ["--batch-size", "0"], ["--batch", "got 0", "≥ 1"] },
        { ["--t-min", "1.5"], ["--t-min", "1.5", "(0, 1)"] },
        { ["--snr", "0.2"], ["--snr", "pc", "heun"] },
        { ["--sampler", "pc", "--snr", "-1"], ["--snr", "-1", "> 0"] },
        { ["--data", "unknown"], ["--data", "'unknown'", "gmm8", ".npy"] },
        { ["--process", "vpp"], ["--process", "'vpp'", "ve, vp, vp-cosine, subvp"] },
        { ["--sampler", "huen"], ["--sampler", "'huen'", "heun, euler, euler-maruyama, ancestral, pc"] },
        { ["--grid", "karras"], ["--grid", "'karras'", "uniform, geometric, edm"] },
        { ["--score", "learned"], ["--score", "'learned'", "exact"] },
        { ["--dtype", "float16"], ["--dtype", "'float16'", "float32, float64"] },
        { ["--seed", "-3"], ["--seed", "'-3'", "[0, "] },
        { ["--threads", "0"], ["--threads", "got 0", "[1, 1024]"] },
        { ["--sigma-min", "0.1"], ["--sigma-min", "ve", "got --process vp"] },
        // Rejected by the library (β_max must exceed the cosine schedule's β(0) ≈ 0.04), mapped to one line.
        { ["--process", "vp-cosine", "--beta-max", "0.01"], ["--beta-max", "0.01"] },
    };

    [Theory]
    [MemberData(nameof(FlagCases))]
    public void Bad_flag_gives_one_line_naming_the_option_exit_code_2_and_writes_nothing(string[] args, string[] expected)
    {
        var result = CliHarness.Run(["sample", .. args, "--out", _harness.PathOf("runs", "x")]);

        AssertRejected(result, expected);
    }

    [Fact]
    public void Cuda_device_is_rejected_on_a_machine_without_cuda()
    {
        if (TorchSharp.torch.cuda.is_available())
        {
            return; // ScoreScope ships TorchSharp-cpu; on a CUDA build with a GPU the option is valid.
        }

        var result = CliHarness.Run("sample", "--device", "cuda", "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--device", "'cuda'", "cpu"]);
    }

    [Fact]
    public void Samples_that_overflow_their_storage_type_are_exit_1_and_nothing_is_written()
    {
        // σ_max = 10⁴⁰ puts prior draws far beyond float32's 3.4·10³⁸: every stored value would be ±∞.
        string target = _harness.PathOf("runs", "overflow");
        var result = CliHarness.Run("sample", "--process", "ve", "--sigma-max", "1e40", "--n", "50", "--steps", "4", "--seed", "3", "--out", target);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("100 of 100 sample values are not finite as float32", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.PathOf("runs")), "a run folder (or its parent created for it) was left");
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("1e11")]
    [InlineData("-3000000000")]
    public void Counts_beyond_32_bits_state_the_limit(string count)
    {
        var result = CliHarness.Run("sample", "--n", count, "--out", _harness.PathOf("runs", "x"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--n must be an integer of at most 2147483647 in magnitude (2³¹ − 1: larger counts are not supported) (got '{count}')",
            Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sample", "--n", "2000000000", "sampling 2000000000 × 2 values with the metric suite needs an estimated")]
    [InlineData("sample", "--data", "mnist", "--n", "100000000", "sampling 100000000 × 784 values with the metric suite needs an estimated")]
    [InlineData("likelihood", "--n", "2000000000", "the likelihood of 2000000000 points of 2 values needs an estimated")]
    [InlineData("correct", "--target", "gmm8", "--data", "gmm8", "--n", "2000000000", "2000000000 proposals of 2 values needs an estimated")]
    public void Runs_too_large_for_the_machine_are_refused_with_the_estimate(params string[] argsAndExpected)
    {
        string expected = argsAndExpected[^1];
        var result = CliHarness.Run([.. argsAndExpected[..^1], "--out", _harness.PathOf("runs", "x")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("GB this machine makes available", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.PathOf("runs")), "a run folder (or its parent) was created");
    }

    [Fact]
    public void Control_characters_in_a_value_are_never_echoed_raw()
    {
        var result = CliHarness.Run("sample", "--steps", "1\u001b[31m\u0007", "--out", _harness.PathOf("runs", "x"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain(result.Error, c => c is '\u001b' or '\u0007');
        Assert.Contains(@"(got '1\u001b[31m\u0007')", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_file_is_named()
    {
        string missing = _harness.PathOf("missing.npy");

        var result = CliHarness.Run("sample", "--data", missing, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--data", missing, "not found"]);
    }

    [Fact]
    public void Corrupt_data_file_is_named()
    {
        string corrupt = _harness.PathOf("corrupt.npy");
        File.WriteAllBytes(corrupt, [0x93, (byte)'N', (byte)'U', (byte)'M', 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x00]);

        var result = CliHarness.Run("sample", "--data", corrupt, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--data", "corrupt.npy"], except: "corrupt.npy");
    }

    [Fact]
    public void Existing_out_without_force_is_rejected_and_left_alone()
    {
        string existing = Directory.CreateDirectory(_harness.PathOf("runs", "x")).FullName;
        File.WriteAllText(Path.Combine(existing, "keep.txt"), "mine");

        var result = CliHarness.Run("sample", "--out", existing);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("--out", result.Error);
        Assert.Contains("--force", result.Error);
        Assert.Equal(["runs", Path.Combine("runs", "x"), Path.Combine("runs", "x", "keep.txt")], _harness.Entries());
    }

    [Fact]
    public void Force_does_not_replace_a_folder_that_is_not_a_run()
    {
        string existing = Directory.CreateDirectory(_harness.PathOf("runs", "x")).FullName;
        File.WriteAllText(Path.Combine(existing, "keep.txt"), "mine");

        var result = CliHarness.Run("sample", "--out", existing, "--force");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("not a ScoreScope run", result.Error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(existing, "keep.txt")));
    }

    [Fact]
    public void Invalid_json_config_is_named_with_its_line()
    {
        string config = _harness.PathOf("bad.json");
        File.WriteAllText(config, "{\n  \"options\": { \"steps\": 3,, }\n}");

        var result = CliHarness.Run("sample", "--config", config, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--config", "bad.json", "not valid JSON", "line 2"], except: "bad.json");
    }

    [Fact]
    public void Unknown_key_in_config_is_named()
    {
        string config = _harness.PathOf("typo.json");
        File.WriteAllText(config, "{ \"options\": { \"stpes\": 3 } }");

        var result = CliHarness.Run("sample", "--config", config, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--config", "'options.stpes'", "steps"], except: "typo.json");
    }

    [Fact]
    public void Wrong_type_in_config_is_named()
    {
        string config = _harness.PathOf("type.json");
        File.WriteAllText(config, "{ \"options\": { \"steps\": \"many\" } }");

        var result = CliHarness.Run("sample", "--config", config, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--config", "'options.steps'", "\"many\"", "an integer"], except: "type.json");
    }

    [Fact]
    public void Out_of_range_value_in_config_names_the_option_and_the_file()
    {
        string config = _harness.PathOf("range.json");
        File.WriteAllText(config, "{ \"options\": { \"steps\": 0 } }");

        var result = CliHarness.Run("sample", "--config", config, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--steps (from --config", "range.json", "got 0"], except: "range.json");
    }

    [Fact]
    public void Missing_config_file_is_named()
    {
        string config = _harness.PathOf("absent.json");

        var result = CliHarness.Run("sample", "--config", config, "--out", _harness.PathOf("runs", "x"));

        AssertRejected(result, ["--config", "absent.json", "not found"]);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_one_line()
    {
        var result = CliHarness.Run("sample", "--steps", "0", "--verbose", "--out", _harness.PathOf("runs", "x"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("scorescope sample: --steps", result.ErrorLines[0]);
        Assert.True(result.ErrorLines.Length > 1, result.ToString());
        Assert.Contains("UsageException", result.Error);
    }

    /// <summary>Exit code 2, one stderr line with every expected part, no stack trace, stdout empty, nothing written
    /// (apart from the input file <paramref name="except"/> the test created).</summary>
    void AssertRejected(CliResult result, string[] expected, string? except = null)
    {
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.True(result.ErrorLines.Length == 1, $"expected exactly one stderr line; {result}");
        foreach (var part in expected)
        {
            Assert.True(result.Error.Contains(part, StringComparison.Ordinal), $"stderr lacks '{part}'; {result}");
        }
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Output);
        Assert.DoesNotContain(_harness.Entries(), e => e != except);
    }
}
