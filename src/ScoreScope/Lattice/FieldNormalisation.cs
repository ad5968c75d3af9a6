using System.Globalization;
using System.Text.RegularExpressions;

namespace ScoreScope.Lattice;

/// <summary>
/// The min–max normalisation of lattice fields to [−1, 1] used for training (DMasSQ <c>norm.py</c>; Aarts et al.,
/// arXiv 2410.21212, report cumulants in these units): φ' = 2(φ − min)/(max − min) − 1, with min and max over the
/// whole training set, and its inverse φ = min + (φ' + 1)(max − min)/2. Recorded (min, max) make generated fields
/// convertible back to physical units; cumulants scale as κ_n' = (2/(max − min))ⁿ κ_n for n ≥ 2.
/// </summary>
/// <param name="Minimum">The smallest field value of the training set.</param>
/// <param name="Maximum">The largest field value of the training set.</param>
public sealed record FieldNormalisation(double Minimum, double Maximum)
{
    /// <summary>The map of the values' own range.</summary>
    /// <exception cref="ArgumentException">When the values are empty, not finite, or all equal.</exception>
    public static FieldNormalisation MinMax(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("no values to normalise.", nameof(values));
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) throw new ArgumentException($"value {v} is not finite.", nameof(values));
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (!(max > min)) throw new ArgumentException($"all values equal {min}; min–max normalisation needs a range.", nameof(values));
        return new FieldNormalisation(min, max);
    }

    /// <summary>φ ↦ φ' = 2(φ − min)/(max − min) − 1.</summary>
    public double Forward(double value) => 2 * (value - Minimum) / (Maximum - Minimum) - 1;

    /// <summary>φ' ↦ φ = min + (φ' + 1)(max − min)/2.</summary>
    public double Inverse(double normalised) => Minimum + (normalised + 1) * (Maximum - Minimum) / 2;

    /// <summary>The factor 2/(max − min) by which fluctuations (φ − ⟨φ⟩) scale.</summary>
    public double Scale => 2 / (Maximum - Minimum);

    /// <summary>log|dφ/dφ'| per site = log((max − min)/2): the density of normalised fields is p'(φ') = p(φ)·((max − min)/2)^V.</summary>
    public double LogJacobianPerSite => Math.Log((Maximum - Minimum) / 2);

    /// <summary>
    /// The map as the one-line equation <c>reproduce phi4</c> writes to normalisation-&lt;point&gt;.txt:
    /// <c>phi' = 2(phi - MIN)/(MAX - MIN) - 1</c> with round-trip numbers.
    /// </summary>
    public string Equation => string.Create(CultureInfo.InvariantCulture, $"phi' = 2(phi - {Minimum:R})/({Maximum:R} - {Minimum:R}) - 1");

    /// <summary>Reads the map back from its <see cref="Equation"/> (surrounding whitespace ignored).</summary>
    /// <exception cref="FormatException">When the text is not such an equation or the range is empty.</exception>
    public static FieldNormalisation FromEquation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string number = @"([-+0-9.eE]+)";
        var match = Regex.Match(text.Trim(), $@"^phi' = 2\(phi - {number}\)/\({number} - {number}\) - 1$", RegexOptions.CultureInvariant);
        if (!match.Success)
            throw new FormatException($"expected \"phi' = 2(phi - MIN)/(MAX - MIN) - 1\"; got \"{text.Trim()}\".");
        double Parse(int group) => double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        double min = Parse(1), max = Parse(2);
        if (Parse(3) != min || !double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
            throw new FormatException($"the equation \"{text.Trim()}\" does not define a map with finite MIN < MAX.");
        return new FieldNormalisation(min, max);
    }
}
