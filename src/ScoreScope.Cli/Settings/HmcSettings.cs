namespace ScoreScope.Cli.Settings;

/// <summary>The resolved options of <c>scorescope hmc</c> (the <c>"options"</c> of its config.json).</summary>
public sealed record HmcSettings
{
    /// <summary>L, sites per direction.</summary>
    public int Size { get; init; }

    /// <summary>D, the number of directions.</summary>
    public int Dimensions { get; init; }

    /// <summary>The hopping parameter κ.</summary>
    public double Kappa { get; init; }

    /// <summary>The quartic coupling λ.</summary>
    public double Lambda { get; init; }

    /// <summary>Independent chains.</summary>
    public int Chains { get; init; }

    /// <summary>Configurations kept per chain.</summary>
    public int Configurations { get; init; }

    /// <summary>Trajectories discarded at the start of each chain.</summary>
    public int Thermalisation { get; init; }

    /// <summary>Trajectories between kept configurations.</summary>
    public int Thinning { get; init; }

    /// <summary><c>leapfrog</c> or <c>omelyan</c>.</summary>
    public string Integrator { get; init; } = "leapfrog";

    /// <summary>Molecular-dynamics steps per trajectory.</summary>
    public int MdSteps { get; init; }

    /// <summary>The molecular-dynamics step size dt.</summary>
    public double Dt { get; init; }

    /// <summary>The seed; chain c uses Seeds.Derive(seed, c).</summary>
    public ulong Seed { get; init; }
}
