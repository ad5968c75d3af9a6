using System.Text.RegularExpressions;

namespace ScoreScope.Tests.Documentation;

/// <summary>
/// The namespaces of the CLI and of the library form no cycle (issue 11): from each file's <c>namespace</c>, its
/// <c>using ScoreScope.…</c> directives and its fully qualified <c>ScoreScope.X.Y.</c> references, the graph of namespace
/// dependencies within each project must be acyclic (e.g. Settings → Tables, never back).
/// </summary>
public sealed partial class NamespaceCycleTests
{
    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ScoreScope.slnx"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException("ScoreScope.slnx not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("src/ScoreScope.Cli", "ScoreScope.Cli")]
    [InlineData("src/ScoreScope.Experiments", "ScoreScope.Experiments")]
    public void The_namespace_graph_has_no_cycle(string folder, string root)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var witnesses = new Dictionary<(string, string), string>();
        string path = Path.Combine(RepositoryRoot(), folder);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => (File: f, Text: File.ReadAllText(f))).ToArray();
        foreach (var (_, text) in sources)
        {
            if (Namespace().Match(text) is { Success: true } m) known.Add(m.Groups[1].Value);
        }
        foreach (var (file, text) in sources)
        {
            var m = Namespace().Match(text);
            if (!m.Success) continue;
            string from = m.Groups[1].Value;
            var targets = Using().Matches(text).Select(u => u.Groups[1].Value)
                .Concat(Qualified().Matches(text).Select(q => q.Groups[1].Value))
                .Where(t => t != from && known.Contains(t) && t.StartsWith(root, StringComparison.Ordinal));
            foreach (string to in targets)
            {
                if (!edges.TryGetValue(from, out var set)) edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
                if (set.Add(to)) witnesses[(from, to)] = Path.GetRelativePath(RepositoryRoot(), file);
            }
        }
        var cycles = new List<string>();
        foreach (var (from, targets) in edges)
        {
            foreach (string to in targets)
            {
                if (Reaches(edges, to, from)) cycles.Add($"{from} → {to} ({witnesses[(from, to)]}) closes a cycle");
            }
        }
        Assert.True(known.Count >= 2, $"found only {known.Count} namespaces under {folder}");
        Assert.True(cycles.Count == 0, string.Join("\n", cycles));
    }

    static bool Reaches(Dictionary<string, HashSet<string>> edges, string start, string goal)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.Count > 0)
        {
            string node = stack.Pop();
            if (node == goal) return true;
            if (!edges.TryGetValue(node, out var next)) continue;
            foreach (string n in next) if (seen.Add(n)) stack.Push(n);
        }
        return false;
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using (ScoreScope(?:\.\w+)+);", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"\b(ScoreScope\.\w+\.\w+)\.[A-Z]")]
    private static partial Regex Qualified();
}
