using System.Globalization;
using System.Text;
using Spectre.Console;
using ScoreScope.Cli.Terminal;
using ScoreScope.Lattice;

namespace ScoreScope.Cli.Runs;

/// <summary>The observable table of a lattice ensemble as CSV and as a console table (shared by <c>hmc</c> and <c>lattice</c>).</summary>
public static class LatticeReport
{
    /// <summary>CSV: units, observable, value, error (Γ-method), tau_int, tau_int_error, window, jackknife_error.</summary>
    public static void AppendCsv(StringBuilder csv, string units, LatticeObservableTable table)
    {
        if (csv.Length == 0) csv.Append("units,observable,value,error,tau_int,tau_int_error,window,jackknife_error\n");
        foreach (var r in table.Rows)
            csv.Append(CultureInfo.InvariantCulture,
                $"{units},{r.Name},{r.Value:R},{r.Error:R},{r.TauInt:R},{r.TauIntError:R},{r.Window},{r.JackknifeError:R}\n");
    }

    /// <summary>Prints <paramref name="table"/> with a title; with <paramref name="exact"/>, also the exact values and |deviation|/error.</summary>
    public static void Print(CliConsole console, string title, LatticeObservableTable table, Func<string, double?>? exact = null)
    {
        var grid = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        grid.AddColumn("name");
        grid.AddColumn(new TableColumn("value").RightAligned());
        grid.AddColumn(new TableColumn("σ (Γ)").RightAligned());
        grid.AddColumn(new TableColumn("τ_int").RightAligned());
        grid.AddColumn(new TableColumn("W").RightAligned());
        grid.AddColumn(new TableColumn("σ (jk)").RightAligned());
        if (exact is not null)
        {
            grid.AddColumn(new TableColumn("exact").RightAligned());
            grid.AddColumn(new TableColumn("|Δ|/σ").RightAligned());
        }
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        string E(double v) => v.ToString("G2", CultureInfo.InvariantCulture);
        foreach (var r in table.Rows)
        {
            var cells = new List<string>
            {
                Markup.Escape(r.Name), F(r.Value), E(r.Error), FormattableString.Invariant($"{r.TauInt:G3}±{r.TauIntError:G2}"),
                r.Window.ToString(CultureInfo.InvariantCulture), E(r.JackknifeError),
            };
            if (exact is not null)
            {
                double? truth = exact(r.Name);
                cells.Add(truth is double t ? F(t) : "");
                cells.Add(truth is double u ? r.Deviation(u).ToString("F2", CultureInfo.InvariantCulture) : "");
            }
            grid.AddRow(cells.ToArray());
        }
        console.OutputConsole.Write(grid);
    }
}
