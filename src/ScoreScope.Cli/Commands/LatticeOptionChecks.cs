using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Lattice;

namespace ScoreScope.Cli.Commands;

/// <summary>One-line usage errors for lattice sizes and couplings, shared by <c>hmc</c> and <c>lattice</c>.</summary>
public static class LatticeOptionChecks
{
    /// <summary>Checks κ and λ for a lattice of dimension <paramref name="dimensions"/>.</summary>
    /// <exception cref="UsageException">Naming <c>--kappa</c> or <c>--lambda</c>, the value and the valid range.</exception>
    public static PhiFourCouplings Couplings(double kappa, double lambda, int dimensions)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (lambda < 0) throw new UsageException($"--lambda must be a number ≥ 0 (got {F(lambda)}); λ < 0 is unbounded below");
        double critical = 1.0 / (2 * dimensions);
        if (lambda == 0 && Math.Abs(kappa) >= critical)
            throw new UsageException($"--kappa {F(kappa)} with --lambda 0 is unstable: the free field needs |κ| < 1/(2D) = {F(critical)} in D = {dimensions}");
        var couplings = new PhiFourCouplings(kappa, lambda);
        couplings.Validate(dimensions);
        return couplings;
    }
}
