namespace ScoreScope.Experiments;

/// <summary>The paper an experiment reproduces.</summary>
/// <param name="Citation">Authors, year and title, e.g. <c>Lu, Wang, Bal 2023: Mathematical analysis of singularities in the diffusion model under the submanifold assumption</c>.</param>
/// <param name="ArxivId">The arXiv identifier, e.g. <c>2301.07882</c>.</param>
public sealed record PaperReference(string Citation, string ArxivId)
{
    /// <summary><c>Citation (arXiv ArxivId)</c>.</summary>
    public override string ToString() => $"{Citation} (arXiv {ArxivId})";
}
