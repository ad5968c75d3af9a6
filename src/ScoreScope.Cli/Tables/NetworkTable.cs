using ScoreScope.Cli.Settings;
using ScoreScope.Scores;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--net</c> (with their size options) and <c>--param</c>, mapped to library model options.</summary>
public static class NetworkTable
{
    /// <summary>Default MLP width (the library default <see cref="MlpOptions"/>).</summary>
    public static readonly int DefaultWidth = new MlpOptions().Width;

    /// <summary>Default MLP depth.</summary>
    public static readonly int DefaultDepth = new MlpOptions().Depth;

    /// <summary>Default U-Net base channels.</summary>
    public static readonly int DefaultChannels = new UNetOptions().BaseChannels;

    /// <summary>Default U-Net levels.</summary>
    public static readonly int DefaultLevels = new UNetOptions().ResolvedChannelMultipliers.Length;

    /// <summary>Network names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mlp", "unet"];

    /// <summary>Parametrisation names, in help order.</summary>
    public static IReadOnlyList<string> ParametrisationNames { get; } = ["score", "eps", "x0", "edm"];

    /// <summary>The size option keys that apply to network <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> SizeKeys(string name) => name switch
    {
        "mlp" => ["width", "depth"],
        "unet" => ["channels", "levels"],
        _ => [],
    };

    /// <summary>Fills the sizes of the chosen network that are unset with defaults; clears the others.</summary>
    public static TrainSettings WithDefaultSizes(TrainSettings s)
    {
        bool mlp = s.Net == "mlp", unet = s.Net == "unet";
        return s with
        {
            Width = mlp ? s.Width ?? DefaultWidth : null,
            Depth = mlp ? s.Depth ?? DefaultDepth : null,
            Channels = unet ? s.Channels ?? DefaultChannels : null,
            Levels = unet ? s.Levels ?? DefaultLevels : null,
        };
    }

    /// <summary>The network options of validated settings (sizes filled).</summary>
    public static NetworkOptions Create(TrainSettings s) => s.Net switch
    {
        "mlp" => new MlpOptions(Width: s.Width!.Value, Depth: s.Depth!.Value),
        "unet" => new UNetOptions(BaseChannels: s.Channels!.Value,
            ChannelMultipliers: Enumerable.Range(0, s.Levels!.Value).Select(i => i == 0 ? 1 : 2).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(s), s.Net, $"unknown network '{s.Net}'; valid: {string.Join(", ", Names)}"),
    };

    /// <summary>The parametrisation named <paramref name="name"/>.</summary>
    public static ParametrisationKind Parametrisation(string name) => name switch
    {
        "score" => ParametrisationKind.Score,
        "eps" => ParametrisationKind.Noise,
        "x0" => ParametrisationKind.Data,
        "edm" => ParametrisationKind.Edm,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown parametrisation '{name}'; valid: {string.Join(", ", ParametrisationNames)}"),
    };
}
