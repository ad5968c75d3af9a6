using ScoreScope.Reports;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// The report header of each run-writing command (title and one paragraph on what its run folder holds), and the hook
/// that writes <c>report.html</c> into a run folder, and into every run nested in it, before the folder is committed.
/// </summary>
public static class CommandReports
{
    static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["sample"] = "Samples drawn with a forward process, a score (exact or a trained model's) and a sampler, compared with fresh data by the sample metric suite (energy distance with its permutation p-value, sliced Wasserstein-2 against the data-to-data floor, moments, mode occupancy).",
        ["train"] = "A score network trained by denoising score matching: the loss curve, held-out loss of the online and EMA weights, and the checkpoint (model.ckpt) that sample, evaluate and spectra read.",
        ["evaluate"] = "A trained model's score against the exact score of its data at a grid of diffusion times (relative error with its acceptance level), and a sample run of the model compared with fresh data.",
        ["spectra"] = "Eigen- and singular-value spectra of the score Jacobian of a model at a grid of times: the tangent and normal families and the spectral gap that reveals the data manifold's dimension.",
        ["cumulants"] = "Connected n-point functions (cumulants) of data pushed through the forward process, measured with standard errors against their closed forms.",
        ["demo"] = "The end-to-end demo: a small model trained on gmm8, its score error against the exact score, and its samples against data; each stage is a complete run below.",
        ["likelihood"] = "Per-point log-likelihoods through the probability-flow ODE (Dormand–Prince 5(4), exact or Hutchinson divergence), compared with the closed form where one exists.",
        ["correct"] = "Probability-flow proposals corrected by independence Metropolis–Hastings and importance weights against the exact target: acceptance, effective sample size and the z-scores of moments before and after correction.",
        ["score"] = "The exact score (or a trained model's score) and the Tweedie denoiser evaluated at given points and times.",
        ["hmc"] = "Hybrid Monte Carlo ensembles of the φ⁴ lattice field theory with Γ-method error bars.",
        ["lattice"] = "Observables of a φ⁴ lattice ensemble with Γ-method error bars.",
        ["reproduce all"] = "Every registered paper experiment; each row links its own report.",
    };

    /// <summary>The report header of a run of <paramref name="command"/>.</summary>
    public static RunReportHeader Header(string command) =>
        new("scorescope " + command, Summaries.TryGetValue(command, out string? summary) ? summary : $"A run of 'scorescope {command}'.");

    /// <summary>
    /// Writes <c>report.html</c> into every run nested in <paramref name="folder"/> (a subfolder with a config.json) that
    /// has none yet, deepest first, then into <paramref name="folder"/> itself unless <paramref name="includeSelf"/> is false.
    /// </summary>
    public static void WriteAll(string folder, string command, DateTimeOffset started, bool includeSelf = true)
    {
        var provenance = RunProvenance.Capture(started);
        var nested = Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)
            .Where(d => File.Exists(Path.Combine(d, "config.json")) && !File.Exists(Path.Combine(d, RunReport.FileName)))
            .OrderByDescending(d => d.Length);
        foreach (string run in nested)
        {
            string nestedCommand = RunReport.CommandOf(run) ?? command;
            RunReport.Write(run, Header(nestedCommand) with { Notes = [$"Written as part of the '{command}' run in the folder above; the times below are those of that run."] }, provenance);
        }
        if (includeSelf) RunReport.Write(folder, Header(command), provenance);
    }
}
