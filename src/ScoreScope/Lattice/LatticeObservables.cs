using ScoreScope.Analysis;

namespace ScoreScope.Lattice;

/// <summary>
/// The observables of the lattice φ⁴ comparison (Aarts et al., arXiv 2410.21212, §4; DMasSQ notebook) for any
/// <see cref="FieldEnsemble"/> — HMC, a diffusion model or a file: magnetisation M = (1/V)Σφ, ⟨|M|⟩, ⟨M²⟩,
/// susceptibility χ = V(⟨M²⟩ − ⟨|M|⟩²), Binder cumulant U = 1 − ⟨M⁴⟩/(3⟨M²⟩²), ⟨φ²⟩, the connected two-point function
/// G(r) = ⟨(1/(DV))Σ_{x,μ} φ(x)φ(x+rμ̂)⟩ − ⟨M⟩² for r = 0..L/2, the second-moment correlation length
/// ξ₂ = √(χ̃(0)/χ̃(p₁) − 1)/(2 sin(π/L)) with χ̃(p) = ⟨|Σ_x φ(x)e^{ip·x}|²⟩/V and p₁ = 2π/L along one axis (Cooper,
/// Freedman, Preston 1982), the action density S/V (when couplings are given) and the single-site cumulants κ2…κ8 of
/// φ(x) pooled over sites and configurations (the paper's table, from lattice-averaged moments). Every observable is a
/// function of per-configuration means, so its error comes from Wolff's <see cref="GammaMethod"/> (with τ_int) and,
/// as a cross-check, a blocked jackknife.
/// </summary>
public static class LatticeObservables
{
    /// <summary>The highest single-site cumulant order.</summary>
    public const int MaxCumulantOrder = 8;

    /// <summary>Measures every observable of <paramref name="ensemble"/>; the action density only when <paramref name="action"/> is given.</summary>
    /// <exception cref="ArgumentException">When each chain has fewer than 2 configurations.</exception>
    public static LatticeObservableTable Measure(FieldEnsemble ensemble, PhiFourAction? action = null)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var lattice = ensemble.Lattice;
        if (ensemble.Count / ensemble.Replicas < 2)
            throw new ArgumentException($"each of the {ensemble.Replicas} chains has {ensemble.Count / ensemble.Replicas} configuration(s); errors need at least 2.", nameof(ensemble));
        if (action is not null && action.Lattice.Volume != lattice.Volume)
            throw new ArgumentException($"the action is on {action.Lattice}, the fields on {lattice}.", nameof(action));
        int maxDistance = lattice.Size / 2;
        // Primary layout per configuration.
        const int m = 0, absM = 1, m2 = 2, m4 = 3, siteMoments = 4; // site moments (1/V)Σφ^k for k = 1..8 at siteMoments + k − 1
        int correlator = siteMoments + MaxCumulantOrder;
        int momentum = correlator + maxDistance + 1;
        int actionDensity = momentum + 1;
        int width = actionDensity + (action is null ? 0 : 1);
        int n = ensemble.Count, volume = lattice.Volume;
        var primaries = new double[width][];
        for (int a = 0; a < width; a++) primaries[a] = new double[n];
        var perRow = new double[(long)n * width];
        var cosines = new double[lattice.Size];
        var sines = new double[lattice.Size];
        for (int k = 0; k < lattice.Size; k++) (sines[k], cosines[k]) = Math.SinCos(2 * Math.PI * k / lattice.Size);
        var shifts = new int[lattice.Dimensions][][];
        for (int mu = 0; mu < lattice.Dimensions; mu++)
        {
            shifts[mu] = new int[maxDistance + 1][];
            for (int r = 0; r <= maxDistance; r++)
            {
                shifts[mu][r] = new int[volume];
                for (int x = 0; x < volume; x++) shifts[mu][r][x] = lattice.Shift(x, mu, r);
            }
        }
        var coordinates = new int[lattice.Dimensions][];
        for (int mu = 0; mu < lattice.Dimensions; mu++)
        {
            coordinates[mu] = new int[volume];
            for (int x = 0; x < volume; x++) coordinates[mu][x] = lattice.Coordinate(x, mu);
        }
        var row = new double[width];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(row);
            var phi = ensemble.Configuration(i);
            for (int x = 0; x < volume; x++)
            {
                double power = 1;
                for (int k = 1; k <= MaxCumulantOrder; k++)
                {
                    power *= phi[x];
                    row[siteMoments + k - 1] += power;
                }
            }
            for (int k = 0; k < MaxCumulantOrder; k++) row[siteMoments + k] /= volume;
            double magnetisation = row[siteMoments];
            row[m] = magnetisation;
            row[absM] = Math.Abs(magnetisation);
            row[m2] = magnetisation * magnetisation;
            row[m4] = row[m2] * row[m2];
            double fourier = 0;
            for (int mu = 0; mu < lattice.Dimensions; mu++)
            {
                for (int r = 0; r <= maxDistance; r++)
                {
                    double sum = 0;
                    var shift = shifts[mu][r];
                    for (int x = 0; x < volume; x++) sum += phi[x] * phi[shift[x]];
                    row[correlator + r] += sum;
                }
                double re = 0, im = 0;
                for (int x = 0; x < volume; x++)
                {
                    int coordinate = coordinates[mu][x];
                    re += phi[x] * cosines[coordinate];
                    im += phi[x] * sines[coordinate];
                }
                fourier += re * re + im * im;
            }
            for (int r = 0; r <= maxDistance; r++) row[correlator + r] /= (double)volume * lattice.Dimensions;
            row[momentum] = fourier / ((double)volume * lattice.Dimensions);
            if (action is not null) row[actionDensity] = action.Action(phi) / volume;
            for (int a = 0; a < width; a++)
            {
                primaries[a][i] = row[a];
                perRow[(long)i * width + a] = row[a];
            }
        }

        var observables = new List<(string Name, Func<double[], double> F)>
        {
            ("M", a => a[m]),
            ("|M|", a => a[absM]),
            ("M^2", a => a[m2]),
            ("chi", a => volume * (a[m2] - a[absM] * a[absM])),
            ("U", a => 1 - a[m4] / (3 * a[m2] * a[m2])),
            ("phi^2", a => a[siteMoments + 1]),
        };
        for (int r = 0; r <= maxDistance; r++)
        {
            int distance = r;
            observables.Add(($"G({distance})", a => a[correlator + distance] - a[m] * a[m]));
        }
        double sinHalf = 2 * Math.Sin(Math.PI / lattice.Size);
        observables.Add(("xi_2nd", a => Math.Sqrt(Math.Max(0, volume * a[m2] / a[momentum] - 1)) / sinHalf));
        if (action is not null) observables.Add(("action_density", a => a[actionDensity]));
        for (int order = 2; order <= MaxCumulantOrder; order++)
        {
            int p = order;
            observables.Add(($"kappa{p}", a => SiteCumulants(a.AsSpan(siteMoments, MaxCumulantOrder))[p - 1]));
        }

        var blocked = new BlockedMeans(width, new CumulantOptions(TargetBlocks: 32, MinimumBlockSize: 1, BootstrapReplicates: 0));
        blocked.AddRows(perRow);
        var jackknife = blocked.Estimate(a => observables.Select(o => o.F(a)).ToArray());
        var rows = new List<LatticeObservableEstimate>();
        for (int j = 0; j < observables.Count; j++)
        {
            var gamma = GammaMethod.Analyse(primaries, ensemble.Replicas, observables[j].F);
            rows.Add(new LatticeObservableEstimate(observables[j].Name, gamma.Value, gamma.StandardError, gamma.TauInt,
                gamma.TauIntError, gamma.Window, jackknife[j].JackknifeError));
        }
        return new LatticeObservableTable(rows, n, ensemble.Replicas, blocked.BlockSize, blocked.BlockCount);
    }

    /// <summary>Cumulants κ1..κ8 from the raw moments μ'_1..μ'_8 (via central moments).</summary>
    static double[] SiteCumulants(ReadOnlySpan<double> raw)
    {
        double mean = raw[0];
        Span<double> central = stackalloc double[MaxCumulantOrder + 1];
        central[0] = 1;
        for (int k = 1; k <= MaxCumulantOrder; k++)
        {
            // m_k = Σ_j C(k, j) μ'_j (−μ)^{k−j}, with μ'_0 = 1.
            double sum = 0;
            for (int j = 0; j <= k; j++)
                sum += CumulantRelations.Binomial(k, j) * (j == 0 ? 1 : raw[j - 1]) * Math.Pow(-mean, k - j);
            central[k] = sum;
        }
        central[1] = 0;
        var kappa = CumulantRelations.CumulantsFromCentralMoments(central);
        kappa[0] = mean;
        return kappa;
    }
}
