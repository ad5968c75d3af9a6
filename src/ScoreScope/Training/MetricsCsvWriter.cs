using ScoreScope.Runs;
using System.Globalization;
using System.Text;

namespace ScoreScope.Training;

/// <summary>Appends <see cref="TrainingMetrics"/> rows to <c>metrics.csv</c>; on resume keeps only rows up to the resumed step.</summary>
sealed class MetricsCsvWriter
{
    readonly string _path;

    public MetricsCsvWriter(string path, IReadOnlyList<double> bucketEdges, int resumeStep)
    {
        _path = path;
        var header = Header(bucketEdges);
        var kept = new List<string> { header };
        if (resumeStep > 0 && File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length > 0 && lines[0] == header)
            {
                kept.AddRange(lines.Skip(1).Where(l => int.TryParse(l.Split(',')[0], CultureInfo.InvariantCulture, out int s) && s <= resumeStep));
            }
        }
        AtomicFile.WriteAllText(path, string.Join('\n', kept) + "\n");
    }

    public void Append(TrainingMetrics m)
    {
        var row = new StringBuilder();
        row.Append(m.Step.ToString(CultureInfo.InvariantCulture));
        foreach (var v in new[] { m.LearningRate, m.TrainLoss, m.HeldOutLoss, m.HeldOutLossEma, m.StepsPerSecond, m.Elapsed.TotalSeconds })
            row.Append(',').Append(Format(v));
        foreach (var v in m.TrainLossByBucket) row.Append(',').Append(Format(v));
        foreach (var v in m.HeldOutLossEmaByBucket) row.Append(',').Append(Format(v));
        File.AppendAllText(_path, row.Append('\n').ToString());
    }

    static string Header(IReadOnlyList<double> edges)
    {
        var columns = new List<string> { "step", "learning_rate", "train_loss", "heldout_loss", "heldout_loss_ema", "steps_per_second", "elapsed_seconds" };
        var labels = Enumerable.Range(0, edges.Count - 1).Select(i => $"t{Format(edges[i])}-{Format(edges[i + 1])}").ToList();
        columns.AddRange(labels.Select(l => "train_loss_" + l));
        columns.AddRange(labels.Select(l => "heldout_loss_ema_" + l));
        return string.Join(',', columns);
    }

    static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
