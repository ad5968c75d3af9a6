namespace ScoreScope.Reports;

/// <summary>One row of a <see cref="ReportIndex"/>: a run with its report and the state of its claims.</summary>
/// <param name="Name">The run's name (e.g. the experiment name).</param>
/// <param name="Summary">One line on what it measures.</param>
/// <param name="ReportPath">Its report, relative to the index's folder (e.g. <c>spectra/report.html</c>).</param>
/// <param name="ClaimsHeld">Checked claims that hold.</param>
/// <param name="ClaimsChecked">Claims checked (the others are findings).</param>
/// <param name="Findings">Claims recorded but not checked.</param>
/// <param name="Seconds">Wall-clock seconds of the run.</param>
public sealed record ReportIndexEntry(string Name, string Summary, string ReportPath, int ClaimsHeld, int ClaimsChecked, int Findings, double Seconds)
{
    /// <summary>Whether every checked claim holds.</summary>
    public bool AllHold => ClaimsHeld == ClaimsChecked;
}
