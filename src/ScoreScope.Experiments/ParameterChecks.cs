using System.Globalization;

namespace ScoreScope.Experiments;

/// <summary>Range checks of experiment parameters, each throwing an <see cref="ExperimentParameterException"/> that names the parameter.</summary>
public static class ParameterChecks
{
    /// <summary>Requires <paramref name="value"/> ≥ <paramref name="minimum"/>.</summary>
    public static void AtLeast(string name, long value, long minimum)
    {
        if (value < minimum)
            throw new ExperimentParameterException(name, value.ToString(CultureInfo.InvariantCulture), $"an integer ≥ {minimum.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Requires a finite <paramref name="value"/> &gt; 0.</summary>
    public static void Positive(string name, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ExperimentParameterException(name, value.ToString("R", CultureInfo.InvariantCulture), "a finite number > 0");
    }

    /// <summary>Requires <paramref name="lower"/> &lt; <paramref name="value"/> ≤ <paramref name="upper"/>.</summary>
    public static void InLeftOpen(string name, double value, double lower, double upper)
    {
        if (!(value > lower && value <= upper))
            throw new ExperimentParameterException(name, value.ToString("R", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"a number in ({lower:R}, {upper:R}]"));
    }
}
