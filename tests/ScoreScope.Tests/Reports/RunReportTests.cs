using System.Text.RegularExpressions;
using ScoreScope.Reports;

namespace ScoreScope.Tests.Reports;

/// <summary>
/// Issue 13, deliverable 1: the page <see cref="RunReport"/> builds from a run folder's files — claims with their results,
/// tables, embedded figures, escaping of hostile text, and nothing that would load from elsewhere.
/// </summary>
public sealed class RunReportTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("scorescope-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    RunProvenance Provenance => new("0.1.0", "abc123", new DateTimeOffset(2026, 12, 4, 5, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 4, 5, 1, 30, TimeSpan.Zero), 2, "test machine");

    [Fact]
    public void Claims_tables_figures_and_config_are_on_the_page_and_hostile_text_is_escaped()
    {
        File.WriteAllText(Path.Combine(_folder, "checks.csv"),
            "name,expected,measured,tolerance,holds,checked\n" +
            "kappa4,\"-1.5, exact\",-1.49,1%,true,true\n" +
            "<script>alert(1)</script>,1,2,1e-6,false,true\n" +
            "trained gap,0.5,0.7,20%,false,false\n");
        File.WriteAllText(Path.Combine(_folder, "metrics.csv"), "metric,value\nenergy-p,0.31\n");
        File.WriteAllText(Path.Combine(_folder, "config.json"), "{ \"command\": \"sample\", \"options\": { \"seed\": 42, \"n\": 10 } }\n");
        File.WriteAllBytes(Path.Combine(_folder, "samples.png"), OnePixelPng);
        File.WriteAllText(Path.Combine(_folder, "samples.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>");

        string path = RunReport.Write(_folder, new RunReportHeader("scorescope sample", "A <b>test</b> run."), Provenance);
        string html = File.ReadAllText(path);

        Assert.Equal(Path.Combine(_folder, RunReport.FileName), path);
        Assert.Contains("FAIL: 1 of 2 checked claims hold; 1 findings recorded without a check", html);
        Assert.Contains("<td>-1.5, exact</td>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("A &lt;b&gt;test&lt;/b&gt; run.", html);
        Assert.Contains("<span class=\"finding\">finding</span>", html);
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(OnePixelPng), html);
        Assert.Contains("<a href=\"samples.svg\">SVG</a>", html);
        Assert.Contains("<td>seed</td><td class=\"num\">42</td>", html);
        Assert.Contains("<td>wall time</td><td>90.0 s</td>", html);
        Assert.Contains("energy-p", html);
        // Nothing on the page is fetched: every src is a data URI, no stylesheet or script links.
        foreach (Match m in Regex.Matches(html, "src=\"([^\"]*)\""))
            Assert.StartsWith("data:", m.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html);
        Assert.Equal(new (int, int, int)?((1, 2, 1)), RunReport.CountClaims(_folder));
    }

    [Fact]
    public void A_folder_without_claims_says_so_and_nested_runs_are_linked_with_their_claims()
    {
        string stage = Directory.CreateDirectory(Path.Combine(_folder, "train")).FullName;
        File.WriteAllText(Path.Combine(stage, "config.json"), "{ \"command\": \"train\" }");
        File.WriteAllText(Path.Combine(stage, "checks.csv"), "name,expected,measured,tolerance,holds,checked\na,1,1,0,true,true\n");
        File.WriteAllBytes(Path.Combine(stage, "loss.png"), OnePixelPng);
        RunReport.Write(stage, new RunReportHeader("scorescope train", "Stage."), Provenance);

        string html = RunReport.Build(_folder, new RunReportHeader("scorescope demo", "Stages."), Provenance);

        Assert.Contains("No claims are checked in this run", html);
        Assert.Contains("<a href=\"train/report.html\">train/report.html</a>", html);
        Assert.Contains("<span class=\"pass\">1/1</span>", html);
        Assert.Contains("<b>train/loss.png</b>", html);
    }

    [Fact]
    public void A_missing_folder_is_a_typed_error_naming_it()
    {
        string missing = Path.Combine(_folder, "nope");
        var e = Assert.Throws<DirectoryNotFoundException>(() => RunReport.Write(missing, new RunReportHeader("t", "s"), Provenance));
        Assert.Contains(missing, e.Message);
    }
}
