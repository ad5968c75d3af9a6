using ScoreScope.Runs;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;

namespace ScoreScope.Tests.Cli;

/// <summary>Run folders appear complete under their name or not at all; --force replaces only previous runs.</summary>
public sealed class RunFolderTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Complete_folder_is_renamed_to_the_target()
    {
        string target = _harness.PathOf("a", "b", "run");

        int result = RunFolder.Write(target, force: false, folder =>
        {
            Assert.NotEqual(target, folder);
            Assert.Equal(Path.GetDirectoryName(target), Path.GetDirectoryName(folder));
            File.WriteAllText(Path.Combine(folder, "config.json"), "{}");
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal(["a", Path.Combine("a", "b"), Path.Combine("a", "b", "run"), Path.Combine("a", "b", "run", "config.json")],
            _harness.Entries());
    }

    [Fact]
    public void Failure_leaves_nothing_behind_not_even_created_parents()
    {
        string target = _harness.PathOf("a", "b", "run");

        Assert.Throws<InvalidOperationException>(() => RunFolder.Write<int>(target, force: false, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "half.npy"), "partial");
            throw new InvalidOperationException("boom");
        }));

        Assert.Empty(_harness.Entries());
    }

    [Fact]
    public void Existing_target_without_force_is_refused_and_untouched()
    {
        string target = Directory.CreateDirectory(_harness.PathOf("run")).FullName;
        File.WriteAllText(Path.Combine(target, "config.json"), "old");

        var error = Assert.Throws<RunFolderException>(() => RunFolder.Write(target, force: false, _ => 0));

        Assert.Contains("--force", error.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "config.json")));
    }

    [Fact]
    public void Force_replaces_a_previous_run_completely()
    {
        string target = Directory.CreateDirectory(_harness.PathOf("run")).FullName;
        File.WriteAllText(Path.Combine(target, "config.json"), "old");
        File.WriteAllText(Path.Combine(target, "stale.png"), "old");

        RunFolder.Write(target, force: true, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), "new");
            return 0;
        });

        Assert.Equal(["run", Path.Combine("run", "config.json")], _harness.Entries());
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "config.json")));
    }

    [Fact]
    public void Force_refuses_a_folder_that_is_not_a_run_and_the_current_folder()
    {
        string other = Directory.CreateDirectory(_harness.PathOf("photos")).FullName;
        File.WriteAllText(Path.Combine(other, "cat.jpg"), "meow");

        Assert.Throws<RunFolderException>(() => RunFolder.CheckTarget(other, force: true));
        Assert.Throws<RunFolderException>(() => RunFolder.CheckTarget(Environment.CurrentDirectory, force: true));
        Assert.Throws<RunFolderException>(() => RunFolder.CheckTarget(Path.GetPathRoot(Environment.CurrentDirectory)!, force: true));
        Assert.Equal("meow", File.ReadAllText(Path.Combine(other, "cat.jpg")));
    }
}
