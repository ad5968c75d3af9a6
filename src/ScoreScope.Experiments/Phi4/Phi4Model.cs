using System.Globalization;
using ScoreScope.Processes;

namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// One diffusion model of <c>reproduce phi4</c>: its forward process and how its files, seed streams, rows and legends are
/// named. The paper's model is VE with g(t) = σ^t (Aarts, Habibi, Wang, Zhou 2024, arXiv 2410.21212, §4); the comparison
/// model is VP with the linear schedule β(t) = β_min + t(β_max − β_min) (Song et al. 2021, Eq. 11; issue 14, deliverable 6).
/// Both go through the same code: U-Net, training budget, normalisation, samplers and observables.
/// </summary>
/// <param name="Label">"VE" or "VP": the prefix of its table rows, claims and legends.</param>
/// <param name="Tag">"" for VE (the file names and seed streams the VE model always had) or "vp-": put before the point
/// name in the model's files (<c>em-vp-broken.npy</c>) and seed streams.</param>
/// <param name="Spec">The forward process.</param>
/// <param name="GeneratedSamples">Fields generated per sampler and point.</param>
/// <param name="Description">The process as config.json's <c>"resolved"</c> records it.</param>
internal sealed record Phi4Model(string Label, string Tag, ForwardProcessSpec Spec, int GeneratedSamples, string Description)
{
    /// <summary>The models <paramref name="settings"/> asks for: VE, and VP unless <see cref="Phi4Settings.VpModel"/> is false.</summary>
    public static IReadOnlyList<Phi4Model> For(Phi4Settings settings)
    {
        var models = new List<Phi4Model>
        {
            new("VE", "", ForwardProcessSpec.VarianceExplodingDiffusionBase(settings.Sigma), settings.GeneratedSamples,
                string.Create(CultureInfo.InvariantCulture, $"VE g(t) = σ^t, σ = {settings.Sigma} (diffusion base)")),
        };
        if (settings.VpModel)
        {
            models.Add(new("VP", "vp-", ForwardProcessSpec.VariancePreservingLinear(settings.VpBetaMin, settings.VpBetaMax), settings.VpGeneratedSamples,
                string.Create(CultureInfo.InvariantCulture,
                    $"VP linear β(t) = β_min + t(β_max − β_min), β_min = {settings.VpBetaMin}, β_max = {settings.VpBetaMax} (Song et al. 2021, Eq. 11)")));
        }
        return models;
    }

    /// <summary>The file or seed-stream name <c>stem-{Tag}point</c>, e.g. <c>em-broken</c> (VE) and <c>em-vp-broken</c> (VP).</summary>
    public string Name(string stem, string point) => $"{stem}-{Tag}{point}";

    /// <summary>The prefix of the model's columns in <c>observables-&lt;point&gt;.csv</c>: "" (VE) or "vp_".</summary>
    public string Column => Tag.Replace('-', '_');
}
