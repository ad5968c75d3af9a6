using System.Globalization;
using System.Text;
using ScoreScope.Experiments;

namespace ScoreScope.Cli.Commands;

/// <summary>One row of the index.csv/json of <c>reproduce all</c>: an experiment's folder, paper, claim counts and time.</summary>
/// <param name="Experiment">The experiment's name (also its subfolder).</param>
/// <param name="Paper">The paper's citation.</param>
/// <param name="Arxiv">The paper's arXiv id.</param>
/// <param name="CheckedClaims">Claims enforced by --check.</param>
/// <param name="CheckedHold">Of those, the ones that hold.</param>
/// <param name="Findings">Claims reported but not enforced.</param>
/// <param name="FindingsHold">Of those, the ones that hold.</param>
/// <param name="AllCheckedHold">Whether every checked claim holds.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record ExperimentIndexRow(string Experiment, string Paper, string Arxiv, int CheckedClaims, int CheckedHold,
    int Findings, int FindingsHold, bool AllCheckedHold, double Seconds)
{
    /// <summary>The row of <paramref name="experiment"/>'s run.</summary>
    public static ExperimentIndexRow Of(IExperiment experiment, ExperimentOutcome outcome, double seconds)
    {
        var claims = outcome.Claims.Claims;
        return new ExperimentIndexRow(experiment.Name, experiment.Paper.Citation, experiment.Paper.ArxivId,
            claims.Count(c => c.Checked), claims.Count(c => c.Checked && c.Holds),
            claims.Count(c => !c.Checked), claims.Count(c => !c.Checked && c.Holds), outcome.Claims.AllHold, seconds);
    }

    /// <summary>index.csv.</summary>
    public static string ToCsv(IEnumerable<ExperimentIndexRow> rows)
    {
        var csv = new StringBuilder("experiment,arxiv,checked_claims,checked_hold,findings,findings_hold,all_checked_hold,seconds\n");
        foreach (var r in rows)
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Experiment},{r.Arxiv},{r.CheckedClaims},{r.CheckedHold},{r.Findings},{r.FindingsHold},{(r.AllCheckedHold ? "true" : "false")},{r.Seconds:F1}\n");
        return csv.ToString();
    }

    /// <summary>The index as a display table.</summary>
    public static ResultTable ToTable(IReadOnlyList<ExperimentIndexRow> rows, string title) => new(title,
        ["experiment", "arXiv", "checked claims hold", "findings hold", "seconds"],
        [.. rows.Select(r => (IReadOnlyList<string>)[r.Experiment, r.Arxiv, $"{r.CheckedHold} of {r.CheckedClaims}",
            $"{r.FindingsHold} of {r.Findings}", r.Seconds.ToString("F1", CultureInfo.InvariantCulture)])]);
}
