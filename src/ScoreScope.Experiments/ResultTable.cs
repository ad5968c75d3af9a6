namespace ScoreScope.Experiments;

/// <summary>A table an experiment produces for display (its data are in the run folder's CSV files).</summary>
/// <param name="Title">The table's title.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Rows of formatted cells, one cell per column.</param>
public sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
