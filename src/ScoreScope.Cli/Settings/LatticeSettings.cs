namespace ScoreScope.Cli.Settings;

/// <summary>The resolved options of <c>scorescope lattice</c> (the <c>"options"</c> of its config.json).</summary>
public sealed record LatticeSettings
{
    /// <summary>The field file, an NPY array [N, L, …, L].</summary>
    public string In { get; init; } = "";

    /// <summary>R: the file holds R Markov chains one after the other (1 for one chain or independent samples).</summary>
    public int Chains { get; init; } = 1;

    /// <summary>κ for the action density (with <see cref="Lambda"/>), or null.</summary>
    public double? Kappa { get; init; }

    /// <summary>λ for the action density (with <see cref="Kappa"/>), or null.</summary>
    public double? Lambda { get; init; }

    /// <summary><c>none</c> or <c>min-max</c> (also report the observables of the fields min–max normalised to [−1, 1]).</summary>
    public string Normalise { get; init; } = "none";
}
