using Microsoft.Playwright;
using ScoreScope.Cli.Errors;
using ScoreScope.Reports;
using ScoreScope.Tests.Cli;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Reports;

/// <summary>
/// Issue 13, deliverable 1: every kind of run folder gets a self-contained <c>report.html</c>, and
/// <c>reproduce all</c> an <c>index.html</c>. Each page is opened in a real browser (Debian's headless Chromium driven
/// by Playwright) and must load with no console error, no network request (only the page's own file), every image
/// decoded (naturalWidth &gt; 0), a verdict, the claims table where the run checks claims, and a provenance table.
/// A full-page screenshot of each is saved under <c>report-screenshots/</c> in the test output folder.
/// </summary>
[Trait("Category", "Slow")]
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ReportBrowserTests : IDisposable
{
    /// <summary>Debian's Chromium (the package <c>chromium</c>, which .ci/run installs).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Every_kind_of_report_loads_in_chromium_with_its_figures_and_no_requests()
    {
        Assert.True(File.Exists(ChromiumPath),
            $"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium; .ci/run does this)");
        string demo = _harness.PathOf("demo"), reproduce = _harness.PathOf("reproduce-spectra"), spectra = _harness.PathOf("spectra"),
            cumulants = _harness.PathOf("cumulants");
        Run("demo", "--out", demo);
        Run("reproduce", "spectra", "--quick", "--set", "training-steps=10", "--set", "trained-times=4", "--set", "points=3", "--out", reproduce);
        Run("spectra", "--model", Path.Combine(demo, "train"), "--points", "2", "--times", "0.05,0.5", "--out", spectra);
        Run("cumulants", "--in", Path.Combine(demo, "evaluate", "sample", "samples.npy"), "--observable", "coord:1", "--out", cumulants);
        string index = ReportIndex.Write(_harness.Root, "reports under test",
        [
            new ReportIndexEntry("reproduce spectra", "tiny budget", "reproduce-spectra/report.html", 3, 3, 1, 1.0),
            new ReportIndexEntry("demo", "end to end", "demo/report.html", 0, 1, 0, 2.0),
        ], RunProvenance.Capture(DateTimeOffset.Now));

        // (kind, page, whether it must show a claims table)
        (string Kind, string Page, bool Claims)[] pages =
        [
            ("demo", Path.Combine(demo, RunReport.FileName), false),
            ("train", Path.Combine(demo, "train", RunReport.FileName), false),
            ("evaluate", Path.Combine(demo, "evaluate", RunReport.FileName), false),
            ("sample", Path.Combine(demo, "evaluate", "sample", RunReport.FileName), false),
            ("reproduce", Path.Combine(reproduce, RunReport.FileName), true),
            ("spectra", Path.Combine(spectra, RunReport.FileName), false),
            ("cumulants", Path.Combine(cumulants, RunReport.FileName), false),
            ("index", index, true),
        ];
        string screenshots = Path.Combine(AppContext.BaseDirectory, "report-screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var problems = new List<string>();
        foreach (var (kind, path, claims) in pages)
        {
            Assert.True(File.Exists(path), $"{kind}: {path} was not written");
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            var requests = new List<string>();
            string own = new Uri(path).AbsoluteUri;
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            page.Request += (_, request) => { if (request.Url != own && !request.Url.StartsWith("data:", StringComparison.Ordinal)) requests.Add(request.Url); };
            await page.GotoAsync(own);
            var images = await page.EvaluateAsync<ImageState[]>(
                "() => Array.from(document.images).map(i => ({ alt: i.alt, complete: i.complete, naturalWidth: i.naturalWidth }))");
            bool hasVerdict = await page.Locator("#verdict").CountAsync() == 1;
            bool hasClaims = await page.Locator("table#claims").CountAsync() == 1;
            bool hasProvenance = kind == "index" || await page.Locator("table#provenance").CountAsync() == 1;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, kind + ".png"), FullPage = true });
            await page.CloseAsync();

            if (errors.Count > 0) problems.Add($"{kind}: console errors: {string.Join(" | ", errors)}");
            if (requests.Count > 0) problems.Add($"{kind}: network requests: {string.Join(", ", requests)}");
            if (images.Any(i => !i.Complete || i.NaturalWidth <= 0))
                problems.Add($"{kind}: images not decoded: {string.Join(", ", images.Where(i => i.NaturalWidth <= 0).Select(i => i.Alt))}");
            if (kind != "index" && images.Length == 0) problems.Add($"{kind}: no figure in the report");
            if (!hasVerdict) problems.Add($"{kind}: no verdict");
            if (claims && !hasClaims) problems.Add($"{kind}: no claims table");
            if (!hasProvenance) problems.Add($"{kind}: no provenance table");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(pages.Length, Directory.GetFiles(screenshots, "*.png").Count(f => pages.Any(p => Path.GetFileNameWithoutExtension(f) == p.Kind)));
    }

    static void Run(params string[] args)
    {
        var result = CliHarness.Run(args);
        Assert.True(result.ExitCode == ExitCodes.Success, $"scorescope {string.Join(' ', args)}: {result}");
    }

    /// <summary>What the page reports of one &lt;img&gt;.</summary>
    public sealed class ImageState
    {
        /// <summary>The alt text (the figure's caption).</summary>
        public string Alt { get; set; } = "";

        /// <summary>Whether loading finished.</summary>
        public bool Complete { get; set; }

        /// <summary>Decoded width in pixels (0 when the image did not decode).</summary>
        public int NaturalWidth { get; set; }
    }
}
