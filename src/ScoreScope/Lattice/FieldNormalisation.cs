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
}
