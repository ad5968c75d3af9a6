namespace ScoreScope.SimplicityBias;

/// <summary>
/// The diffusion information exponent k* of a spike: the lowest order with a non-zero coefficient Cₖ of the excess
/// loss Σₖ Cₖ mᵏ in the overlap m, with that coefficient's sign.
/// </summary>
/// <param name="Order">k* (0 when no order up to 4 contributes).</param>
/// <param name="Coefficient">C_{k*}.</param>
/// <param name="Coefficients">C₀ … C₄ (C₀ = 0: the constant is not part of the overlap dependence).</param>
/// <remarks>
/// docs/science/simplicity-bias.md §3 (sign caveat): an even k* is attractive when C_{k*} &lt; 0 (the loss falls as |m| grows) and
/// repulsive when C_{k*} &gt; 0; an odd k* always lowers the loss on one side (m with sign −C_{k*}).
/// </remarks>
public sealed record InformationExponent(int Order, double Coefficient, double[] Coefficients)
{
    /// <summary>Whether the spike attracts a neuron started near m = 0 (odd order, or even with C &lt; 0).</summary>
    public bool IsAttractive => Order > 0 && (Order % 2 == 1 || Coefficient < 0);
}
