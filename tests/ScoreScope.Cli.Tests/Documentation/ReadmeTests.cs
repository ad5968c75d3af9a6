using ScoreScope.Analysis;
using ScoreScope.Cli;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Sampling;

namespace ScoreScope.Tests.Documentation;

/// <summary>The README's promises: every CLI option is documented, and the library example runs as written.</summary>
public sealed class ReadmeTests
{
    static string ReadmeText()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "ScoreScope.slnx")))
            {
                return File.ReadAllText(candidate);
            }
        }
        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Readme_documents_every_command_and_option()
    {
        string readme = ReadmeText();
        var root = ScoreScopeApp.BuildRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false));

        foreach (var command in root.Subcommands)
        {
            Assert.Contains($"### `scorescope {command.Name}`", readme);
            foreach (var option in command.Options.Where(o => o.Name != "--help"))
            {
                Assert.True(readme.Contains($"`{option.Name}`", StringComparison.Ordinal),
                    $"README.md does not document {command.Name} {option.Name}");
            }
        }
    }

    [Fact]
    public void Library_example_samples_all_eight_modes()
    {
        // The README's "Library example", verbatim apart from the assertions.
        using var data = GaussianMixtureDistribution.Ring();
        var process = VariancePreservingProcess.WithBetaRange(0.1, 20.0);
        var score = data.ScoreFunction(process);
        var times = TimeGrid.Karras(process, steps: 64);

        using var samples = SamplerRunner.Sample(new ProbabilityFlowHeunSampler(), score, process,
            count: 10_000, eventShape: data.EventShape, times, new SamplingOptions(Seed: 7) { DenoiseFinal = true });

        var occupancy = ModeOccupancy.Compute(data, samples);
        Assert.Equal(8, occupancy.Length);
        foreach (var mode in occupancy)
        {
            Assert.Equal(10_000, mode.Count);
            Assert.True(Math.Abs(mode.StandardScore(1.0 / 8)) <= 5, $"occupancy {mode} is more than 5 SE from 1/8");
        }
        Assert.Contains("ModeOccupancy.Compute(data, samples)", ReadmeText());
    }
}
