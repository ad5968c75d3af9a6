using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScoreScope.Experiments;

/// <summary>
/// The claims of one experiment run: written to <c>checks.csv</c> and <c>checks.json</c> in the run folder; the CLI
/// prints them as a table and, under <c>--check</c>, exits with code 3 unless <see cref="AllHold"/>.
/// </summary>
public sealed class ClaimReport
{
    readonly List<ClaimCheck> _claims = [];

    /// <summary>The claims added so far, in order.</summary>
    public IReadOnlyList<ClaimCheck> Claims => _claims;

    /// <summary>Whether every checked claim holds (true when there are none); findings do not count.</summary>
    public bool AllHold => _claims.All(c => c.Holds || !c.Checked);

    /// <summary>Adds a claim.</summary>
    public void Add(ClaimCheck claim) => _claims.Add(claim);

    /// <summary>Adds a claim that <paramref name="measured"/> ± <paramref name="standardError"/> agrees with
    /// <paramref name="expected"/> within <paramref name="standardErrors"/> standard errors.</summary>
    public void AddWithinStandardErrors(string name, double expected, double measured, double standardError, double standardErrors = 4)
    {
        bool holds = Math.Abs(measured - expected) <= standardErrors * standardError;
        Add(new ClaimCheck(name, Format(expected), $"{Format(measured)} ± {Format(standardError)}",
            $"{Format(standardErrors)} SE", holds));
    }

    /// <summary>Adds a claim that <paramref name="measured"/> agrees with <paramref name="expected"/> within a relative
    /// tolerance <paramref name="relativeTolerance"/> (e.g. 0.01 for 1%).</summary>
    public void AddWithinRelative(string name, double expected, double measured, double relativeTolerance, double? standardError = null)
    {
        bool holds = Math.Abs(measured - expected) <= relativeTolerance * Math.Abs(expected);
        string m = standardError is double se ? $"{Format(measured)} ± {Format(se)}" : Format(measured);
        Add(new ClaimCheck(name, Format(expected), m, $"{Format(100 * relativeTolerance)}%", holds));
    }

    /// <summary>Adds a claim that <paramref name="measured"/> agrees with <paramref name="expected"/> within an absolute
    /// tolerance.</summary>
    public void AddWithinAbsolute(string name, double expected, double measured, double absoluteTolerance)
    {
        bool holds = Math.Abs(measured - expected) <= absoluteTolerance;
        Add(new ClaimCheck(name, Format(expected), Format(measured), $"±{Format(absoluteTolerance)}", holds));
    }

    /// <summary>Writes <c>checks.csv</c> (<c>name,expected,measured,tolerance,holds,checked</c>) and <c>checks.json</c> into
    /// <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        var csv = new StringBuilder("name,expected,measured,tolerance,holds,checked\n");
        foreach (var c in _claims)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Quote(c.Name)},{Quote(c.Expected)},{Quote(c.Measured)},{Quote(c.Tolerance)},{(c.Holds ? "true" : "false")},{(c.Checked ? "true" : "false")}\n");
        }
        File.WriteAllText(Path.Combine(folder, "checks.csv"), csv.ToString());
        var json = JsonSerializer.Serialize(_claims, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        });
        File.WriteAllText(Path.Combine(folder, "checks.json"), json + "\n");
    }

    /// <summary>Round-trip-safe short formatting used in the table (G6, invariant culture).</summary>
    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
