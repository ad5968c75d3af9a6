namespace ScoreScope.Cli.Settings;

/// <summary>The fully resolved options of <c>scorescope spectra</c> (written to config.json).</summary>
public sealed record SpectraSettings
{
    /// <summary>The model file (resolved from a run folder holding model.ckpt).</summary>
    public string? Model { get; init; }

    /// <summary>With an exact score: the distribution (built-in name or absolute file path); null with a model.</summary>
    public string? Data { get; init; }

    /// <summary>A factor file F [D, m] (absolute path): the exact score of x₀ = F z, z ~ N(0, I); or null.</summary>
    public string? SubspaceBasis { get; init; }

    /// <summary>With an exact score: the forward process (name and parameters, defaults filled in); null with a model.</summary>
    public ScoreScope.Processes.ProcessSettings? Process { get; init; }

    /// <summary>Points at which the spectra are averaged.</summary>
    public int Points { get; init; } = 64;

    /// <summary>The squared noise-to-signal ratios σ² = b²/a² (the paper's time) at which spectra are computed, ascending.</summary>
    public required double[] Times { get; init; }

    /// <summary><c>autograd</c>, <c>autograd-symmetric</c>, <c>autograd-mean</c>, <c>autograd-symmetric-mean</c>, <c>autograd-noisy</c> or <c>svd</c>
    /// (see <c>scorescope spectra --help</c>).</summary>
    public string Method { get; init; } = "autograd";

    /// <summary>The spike tolerance δ of m̂ = D − #{|ν| ≥ 1 − δ}.</summary>
    public double Tolerance { get; init; } = 0.5;

    /// <summary>Seed of the points and perturbations.</summary>
    public ulong Seed { get; init; }

    /// <summary>libtorch CPU threads.</summary>
    public int Threads { get; init; } = 1;
}
