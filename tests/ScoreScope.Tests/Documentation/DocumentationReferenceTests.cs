using System.Text.RegularExpressions;

namespace ScoreScope.Tests.Documentation;

/// <summary>
/// Every path that code comments, the README and the docs cite resolves inside the repository: repository-relative
/// paths (docs/…, src/…, tests/…, bench/…, build/…, examples/…, .ci/…) in C# and Markdown files, and the relative
/// links of Markdown files.
/// Nothing points at notes outside the repository.
/// </summary>
public sealed partial class DocumentationReferenceTests
{
    static readonly string[] SourceFolders = ["src", "tests", "bench", "examples", "build", "docs"];

    [GeneratedRegex(@"(?<![\w/.\-])(?:docs|src|tests|bench|build|examples|\.ci)/[\w./+\-]*[\w/]")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)([^)\s#]+)(?:#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"science notes?\b|docs/science/0\d|/work/", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ScoreScope.slnx"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException("ScoreScope.slnx not found above " + AppContext.BaseDirectory);
    }

    static IEnumerable<string> DocumentedFiles(string root)
    {
        yield return Path.Combine(root, "README.md");
        foreach (string folder in SourceFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/") || relative.Contains("/obj/")) continue;
                if (file.EndsWith(nameof(DocumentationReferenceTests) + ".cs", StringComparison.Ordinal)) continue;   // its patterns
                if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".md", StringComparison.Ordinal)) yield return file;
            }
        }
    }

    static bool Resolves(string root, string path)
    {
        string full = Path.Combine(root, path.TrimEnd('.', '/'));
        return File.Exists(full) || Directory.Exists(full);
    }

    [Fact]
    public void Every_repository_path_cited_in_code_readme_and_docs_exists()
    {
        string root = RepositoryRoot();
        var files = DocumentedFiles(root).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files scanned under {root}");
        var missing = new List<string>();
        int checkedPaths = 0;
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            foreach (Match match in RepositoryPath().Matches(text))
            {
                checkedPaths++;
                if (!Resolves(root, match.Value)) missing.Add($"{Path.GetRelativePath(root, file)}: {match.Value}");
            }
        }
        Assert.True(checkedPaths >= 50, $"only {checkedPaths} cited paths found; is the pattern still matching?");
        Assert.True(missing.Count == 0, "cited paths that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_relative_markdown_link_resolves()
    {
        string root = RepositoryRoot();
        var missing = new List<string>();
        foreach (string file in DocumentedFiles(root).Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            foreach (Match match in MarkdownLink().Matches(File.ReadAllText(file)))
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, match.Groups[1].Value));
                if (!File.Exists(target) && !Directory.Exists(target)) missing.Add($"{Path.GetRelativePath(root, file)}: {match.Groups[1].Value}");
            }
        }
        Assert.True(missing.Count == 0, "Markdown links that do not resolve:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Nothing_cites_notes_outside_the_repository()
    {
        string root = RepositoryRoot();
        var offending = new List<string>();
        foreach (string file in DocumentedFiles(root))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (OutsideReference().IsMatch(lines[i])) offending.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(offending.Count == 0, "references to notes outside the repository (use docs/science/…):\n" + string.Join("\n", offending));
    }
}
