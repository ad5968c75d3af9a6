using System.Globalization;
using System.Text.RegularExpressions;

namespace ScoreScope.Cli.Errors;

/// <summary>
/// Turns exceptions into the single line the CLI prints: whitespace collapsed, .NET's "(Parameter 'x')" and
/// "Actual value was" trailers replaced by the CLI flag the library parameter comes from and "(got value)".
/// </summary>
public static partial class ErrorText
{
    static readonly Dictionary<string, string> FlagOfParameter = new(
        ScoreScope.Processes.ProcessSettings.Keys.Select(key => KeyValuePair.Create(ScoreScope.Processes.ProcessSettings.ParameterNameOf(key), "--" + key))
            .Concat(new Dictionary<string, string>
    {
        ["steps"] = "--steps",
        ["tMin"] = "--t-min",
        ["timeMin"] = "--t-min",
        ["snr"] = "--snr",
        ["count"] = "--n",
        ["batchSize"] = "--batch",
        ["seed"] = "--seed",
    }), StringComparer.Ordinal);

    /// <summary>One line describing <paramref name="exception"/>, naming the CLI flag when the parameter maps to one.</summary>
    public static string OneLine(Exception exception)
    {
        string message = exception.Message;
        string? flag = null;
        if (exception is ArgumentException argument && argument.ParamName is { } parameter)
        {
            int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message[..cut];
            }
            if (argument is ArgumentOutOfRangeException { ActualValue: { } actual })
            {
                message = message.TrimEnd('.') + $" (got {Convert.ToString(actual, CultureInfo.InvariantCulture)})";
            }
            FlagOfParameter.TryGetValue(parameter, out flag);
        }
        else
        {
            // Native (libtorch) messages append a C++ backtrace after the first line.
            int newline = message.IndexOf('\n');
            if (newline > 0)
            {
                message = message[..newline];
            }
        }
        message = Whitespace().Replace(message, " ").Trim();
        return flag is null ? message : $"{flag}: {message}";
    }

    /// <summary>
    /// Like <see cref="OneLine"/>, prefixed with <paramref name="option"/> (e.g. <c>--grid</c>) unless the library
    /// parameter already maps to a flag.
    /// </summary>
    public static string ForOption(Exception exception, string option)
    {
        string line = OneLine(exception);
        return line.StartsWith("--", StringComparison.Ordinal) ? line : $"{option}: {line}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
