using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Tables;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// Checks shared by the settings validators of every command: each failure is a <see cref="UsageException"/> naming
/// the option (as <see cref="SettingOrigins.Describe"/> spells it), the bad value and what is valid.
/// </summary>
public static class SettingChecks
{
    /// <summary>The process name and its parameters: known name, parameters only of that process, in range.</summary>
    public static void Process(string process, ProcessParameters p, SettingOrigins origins)
    {
        string Name(string key) => origins.Describe(key);
        OneOf(process, ProcessTable.Names, Name("process"));
        foreach (var key in ScoreScope.Processes.ProcessSettings.Keys)
        {
            if (origins.IsGiven(key) && !ProcessTable.ParameterKeys(process).Contains(key))
            {
                var owners = ProcessTable.Names.Where(n => ProcessTable.ParameterKeys(n).Contains(key));
                throw new UsageException($"{Name(key)} applies only to --process {string.Join("|", owners)} (got --process {process})");
            }
        }
        try
        {
            // The ranges are the library's (ProcessSettings.Validate): checked in one place.
            ProcessTable.Settings(process, p).Validate(key => key == "process" ? Name(key) : origins.IsGiven(key) ? Name(key) : "--" + key);
        }
        catch (ArgumentOutOfRangeException e) when (e.ActualValue is double value)
        {
            throw new UsageException($"{e.Message[..e.Message.IndexOf(" (Parameter", StringComparison.Ordinal)]} (got {F(value)})");
        }
    }

    /// <summary><paramref name="value"/> must be one of <paramref name="valid"/>.</summary>
    public static void OneOf(string value, IReadOnlyList<string> valid, string name)
    {
        if (!valid.Contains(value))
        {
            throw new UsageException($"{name}: unknown value '{value}'; valid: {string.Join(", ", valid)}");
        }
    }

    /// <summary><paramref name="value"/> must be an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void IntegerIn(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new UsageException(max == int.MaxValue
                ? $"{name} must be an integer ≥ {min} (got {value})"
                : $"{name} must be an integer in [{min}, {max}] (got {value})");
        }
    }

    /// <summary><paramref name="value"/> must be a finite positive number (an ODE tolerance such as --rtol or --atol).</summary>
    public static void PositiveFinite(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new UsageException($"{name} must be finite and > 0 (got {F(value)})");
        }
    }

    /// <summary>
    /// <paramref name="time"/> must lie in the open interval (0, <paramref name="endTime"/>) of the process (a t_min such as
    /// <c>--t-min</c>: the density log p_{t_min} and the flow's end need t_min &gt; 0 and t_min &lt; T).
    /// </summary>
    public static void TimeBeforeEnd(double time, double endTime, string name)
    {
        if (!(time > 0) || !(time < endTime))
        {
            throw new UsageException($"{name} must lie in (0, T) = (0, {endTime.ToString("G6", CultureInfo.InvariantCulture)}) (got {F(time)})");
        }
    }

    /// <summary>
    /// <paramref name="count"/> points of <paramref name="eventShape"/> must fit in memory
    /// (<see cref="ScoreScope.Runs.MemoryEstimate"/>); otherwise the option <paramref name="name"/> is named with a fix.
    /// </summary>
    public static void FitsInMemory(long count, IReadOnlyList<long> eventShape, string what, string name)
    {
        long eventSize = eventShape.Aggregate(1L, (p, s) => p * s);
        try
        {
            ScoreScope.Runs.MemoryEstimate.Check(ScoreScope.Runs.MemoryEstimate.SamplingBytes(count, eventSize), what);
        }
        catch (InsufficientMemoryException e)
        {
            throw new UsageException($"{name} {count}: {e.Message}; lower {name}");
        }
    }

    /// <summary>An estimate of <paramref name="bytes"/> must fit in memory; otherwise <paramref name="name"/> is named with the estimate.</summary>
    public static void FitsInMemory(double bytes, string what, string name, string fix)
    {
        try
        {
            ScoreScope.Runs.MemoryEstimate.Check(bytes, what);
        }
        catch (InsufficientMemoryException e)
        {
            throw new UsageException($"{name}: {e.Message}; {fix}");
        }
    }

    /// <summary>A number as typed back to the user (round-trip format).</summary>
    public static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
