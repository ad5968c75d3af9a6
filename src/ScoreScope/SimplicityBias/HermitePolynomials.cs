namespace ScoreScope.SimplicityBias;

/// <summary>Probabilists' Hermite polynomials Heₖ (He₀ = 1, He₁ = x, He_{k+1} = x·Heₖ − k·He_{k−1}).</summary>
public static class HermitePolynomials
{
    /// <summary>He₀(x) … He_K(x) into <paramref name="values"/> (length K + 1).</summary>
    public static void Evaluate(double x, Span<double> values)
    {
        if (values.IsEmpty) return;
        values[0] = 1;
        if (values.Length > 1) values[1] = x;
        for (int k = 1; k + 1 < values.Length; k++) values[k + 1] = x * values[k] - k * values[k - 1];
    }
}
