using ScoreScope.Cli.Tables;
using ScoreScope.Processes;
using ScoreScope.Scores;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// What the settings records resolve to through the name tables: their process parameters, defaults for the unset
/// ones, the process and the network. It lives with the settings so that the tables (names → library objects) never
/// depend on the settings records, which keeps the CLI's namespaces free of cycles (Settings → Tables only).
/// </summary>
public static class SettingsResolution
{
    /// <summary>The process parameters of sample or train settings.</summary>
    public static ProcessParameters ProcessParametersOf(ProcessChoice s) => s.ProcessParameters;

    /// <summary>Settings with <paramref name="parameters"/> as their process parameters.</summary>
    public static T WithProcessParameters<T>(this T s, ProcessParameters parameters) where T : ProcessChoice =>
        (T)(s with { SigmaMin = parameters.SigmaMin, SigmaMax = parameters.SigmaMax, BetaMin = parameters.BetaMin, BetaMax = parameters.BetaMax });

    /// <summary>Fills the parameters of the chosen process that are still unset with their defaults.</summary>
    public static T WithDefaultProcessParameters<T>(T settings) where T : ProcessChoice =>
        settings.WithProcessParameters(ProcessTable.WithDefaults(settings.Process, settings.ProcessParameters));

    /// <summary>Builds the process named in <paramref name="settings"/> (parameters already validated).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name or parameters the library rejects.</exception>
    public static ForwardProcess CreateProcess(SampleSettings settings) =>
        ProcessTable.Spec(settings.Process, ProcessParametersOf(settings)).Build();

    /// <summary>Fills the sizes of the chosen network that are unset with defaults; clears the others.</summary>
    public static TrainSettings WithDefaultNetworkSizes(TrainSettings s)
    {
        bool mlp = s.Net == "mlp", unet = s.Net == "unet";
        return s with
        {
            Width = mlp ? s.Width ?? NetworkTable.DefaultWidth : null,
            Depth = mlp ? s.Depth ?? NetworkTable.DefaultDepth : null,
            Channels = unet ? s.Channels ?? NetworkTable.DefaultChannels : null,
            Levels = unet ? s.Levels ?? NetworkTable.DefaultLevels : null,
        };
    }

    /// <summary>The network options of validated settings (sizes filled).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown network name.</exception>
    public static NetworkOptions CreateNetwork(TrainSettings s) => NetworkTable.Create(s.Net, s.Width, s.Depth, s.Channels, s.Levels);
}
