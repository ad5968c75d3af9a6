using ScoreScope.Cli.Errors;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--device</c>.</summary>
public static class DeviceTable
{
    /// <summary>Valid names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cpu", "cuda"];

    /// <summary>The TorchSharp device for <paramref name="name"/>.</summary>
    /// <exception cref="UsageException">For <c>cuda</c> when no CUDA device is usable (the TorchSharp-cpu build).</exception>
    public static Device Create(string name, string option) => name switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new UsageException($"{option}: 'cuda' is not available on this machine (TorchSharp-cpu build or no GPU); valid here: cpu"),
        _ => throw new UsageException($"{option}: unknown value '{name}'; valid: {string.Join(", ", Names)}"),
    };
}
