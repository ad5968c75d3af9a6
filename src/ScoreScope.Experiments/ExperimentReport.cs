using ScoreScope.Reports;

namespace ScoreScope.Experiments;

/// <summary>
/// The <c>report.html</c> of an experiment run: the experiment's title, paper, summary, stages and closing notes over
/// everything its folder holds (claims, tables, figures with captions, data files, config.json); see <see cref="RunReport"/>.
/// </summary>
public static class ExperimentReport
{
    /// <summary>The report header of <paramref name="experiment"/> after a run that gave <paramref name="outcome"/>.</summary>
    public static RunReportHeader Header(IExperiment experiment, ExperimentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(outcome);
        return new RunReportHeader("reproduce " + experiment.Name, experiment.Summary)
        {
            Paper = experiment.Paper.Citation,
            ArxivId = experiment.Paper.ArxivId,
            Stages = experiment.Stages,
            Notes = outcome.Notes,
        };
    }

    /// <summary>Writes the report of the run of <paramref name="experiment"/> in <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder, IExperiment experiment, ExperimentOutcome outcome, RunProvenance provenance) =>
        RunReport.Write(folder, Header(experiment, outcome), provenance);
}
