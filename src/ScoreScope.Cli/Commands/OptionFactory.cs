using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// Typed options whose parse errors are one line naming the flag, the bad token and what was expected
/// (System.CommandLine's own messages name the CLR type instead). Range checks happen later, in one place for flags
/// and config files alike (<see cref="Settings.SampleSettingsValidator"/>).
/// </summary>
public static class OptionFactory
{
    /// <summary>An <see cref="int"/> option.</summary>
    public static Option<int> Integer(string name, string description, int? defaultValue = null)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name, IntegerExpectation(result),
                (string s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v)),
        };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }
        return option;
    }

    /// <summary>
    /// A hidden integer option that is an old spelling of <paramref name="canonical"/>: parsed like it, absent from
    /// --help, so that old commands keep working while one name is documented.
    /// </summary>
    public static Option<int> HiddenIntegerAlias(string name, string canonical)
    {
        var option = Integer(name, $"Old spelling of {canonical}.");
        option.Hidden = true;
        return option;
    }

    /// <summary>A <see cref="double"/> option (invariant culture, finite values only).</summary>
    public static Option<double> Number(string name, string description, double? defaultValue = null)
    {
        var option = new Option<double>(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name, "a finite number",
                (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v)),
        };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }
        return option;
    }

    /// <summary>A seed option: an integer in [0, 2⁶⁴ − 1].</summary>
    public static Option<ulong> Seed(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name, $"an integer in [0, {ulong.MaxValue}]",
            (string s, out ulong v) => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v)),
    };

    /// <summary>A string option with a default shown in help.</summary>
    public static Option<string> Text(string name, string description, string? defaultValue = null)
    {
        var option = new Option<string>(name) { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }
        return option;
    }

    /// <summary>
    /// A switch: <c>--force</c> means true; <c>--force false</c> / <c>--force true</c> are accepted too.
    /// </summary>
    public static Option<bool> Switch(string name, string description, bool? defaultValue = null)
    {
        var option = new Option<bool>(name)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return true;
                }
                string token = result.Tokens[^1].Value;
                if (bool.TryParse(token, out bool value))
                {
                    return value;
                }
                result.AddError($"{name}: '{token}' is not a boolean; expected true or false (or the bare flag for true)");
                return false;
            },
        };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }
        return option;
    }

    /// <summary>The value of <paramref name="option"/> if it was typed on the command line (not a default).</summary>
    public static bool TryGetExplicit<T>(ParseResult parseResult, Option<T> option, out T value)
    {
        var result = parseResult.GetResult(option);
        if (result is null || result.Implicit)
        {
            value = default!;
            return false;
        }
        value = parseResult.GetValue(option)!;
        return true;
    }

    delegate bool TryParser<T>(string text, out T value);

    static T Parse<T>(ArgumentResult result, string name, string expected, TryParser<T> tryParse)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (tryParse(token, out var value))
        {
            return value;
        }
        result.AddError($"{name} must be {expected} (got '{token}')");
        return default!;
    }

    /// <summary>What an integer option expects, stating the 32-bit limit when the token is a whole number beyond it.</summary>
    static string IntegerExpectation(ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) > int.MaxValue
            ? $"an integer of at most {int.MaxValue} in magnitude (2³¹ − 1: larger counts are not supported)"
            : "an integer";
    }
}
