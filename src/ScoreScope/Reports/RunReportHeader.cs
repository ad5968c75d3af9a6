namespace ScoreScope.Reports;

/// <summary>
/// What a <see cref="RunReport"/> says about its run beyond the files in the folder: the title, one paragraph on what
/// was done and, for paper experiments, the paper, the stages and the closing notes.
/// </summary>
/// <param name="Title">The page title, e.g. <c>scorescope sample</c> or <c>reproduce spectra</c>.</param>
/// <param name="Summary">One paragraph: what the run did or what the experiment measures.</param>
public sealed record RunReportHeader(string Title, string Summary)
{
    /// <summary>The paper reproduced (citation and arXiv identifier), or null.</summary>
    public string? Paper { get; init; }

    /// <summary>The arXiv identifier of <see cref="Paper"/>, used for a link, or null.</summary>
    public string? ArxivId { get; init; }

    /// <summary>The stages of the run in order, one line each.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>Closing lines (verdicts, resolution notes).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
