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

    /// <summary>
    /// Parametrisation names, in help order: the library's <see cref="ParametrisationKind"/> names, as the experiments spell
    /// them (issue 11: one spelling). The older CLI spellings <c>eps</c> (= noise) and <c>x0</c> (= data) are accepted as
    /// aliases (<see cref="CanonicalParametrisation"/>), so saved configs and models keep loading.
    /// </summary>
    public static IReadOnlyList<string> ParametrisationNames { get; } = ["score", "noise", "data", "edm"];

    /// <summary>The listed name of parametrisation <paramref name="name"/>: <c>eps</c> → <c>noise</c>, <c>x0</c> → <c>data</c>, others unchanged.</summary>
    public static string CanonicalParametrisation(string name) => name switch
    {
        "eps" => "noise",
        "x0" => "data",
        _ => name,
    };

    /// <summary>The size option keys that apply to network <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> SizeKeys(string name) => name switch
    {
        "mlp" => ["width", "depth"],
        "unet" => ["channels", "levels"],
        _ => [],
    };

    /// <summary>The network options for <paramref name="net"/> with its sizes (those of the chosen network must be set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown network name.</exception>
    public static NetworkOptions Create(string net, int? width, int? depth, int? channels, int? levels) => net switch
    {
        "mlp" => new MlpOptions(Width: width!.Value, Depth: depth!.Value),
        "unet" => new UNetOptions(BaseChannels: channels!.Value,
            ChannelMultipliers: Enumerable.Range(0, levels!.Value).Select(i => i == 0 ? 1 : 2).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(net), net, $"unknown network '{net}'; valid: {string.Join(", ", Names)}"),
    };

    /// <summary>The parametrisation named <paramref name="name"/>.</summary>
    public static ParametrisationKind Parametrisation(string name) => CanonicalParametrisation(name) switch
    {
        "score" => ParametrisationKind.Score,
        "noise" => ParametrisationKind.Noise,
        "data" => ParametrisationKind.Data,
        "edm" => ParametrisationKind.Edm,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown parametrisation '{name}'; valid: {string.Join(", ", ParametrisationNames)}"),
    };
}
