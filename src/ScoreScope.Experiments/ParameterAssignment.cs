using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ScoreScope.Data;

namespace ScoreScope.Experiments;

/// <summary>
/// Sets one parameter of an experiment's parameter record by its kebab-case name (the config.json key), from text:
/// the <c>--set name=value</c> of <c>scorescope reproduce</c>. Integers, reals, seeds, switches (<c>true|false</c>),
/// names (<c>tanh</c>), lists of names (<c>noise,data</c>), lists of integers (<c>16,32,64</c>) and variance blocks (<c>20:1,20:0.3</c>, i.e. dimension:σ) are understood.
/// </summary>
public static class ParameterAssignment
{
    /// <summary>The parameters with their own option (<c>--quick</c>, <c>--seed</c>, <c>--threads</c>, <c>--device</c>), not set by name.</summary>
    public static IReadOnlyList<string> CommonNames { get; } = ["quick", "seed", "threads", "device"];

    /// <summary>The kebab-case names settable on <paramref name="parametersType"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type parametersType) =>
        [.. Settable(parametersType).Select(p => NameOf(p)).Where(n => !CommonNames.Contains(n))];

    /// <summary>
    /// A copy of <paramref name="parameters"/> with the parameter <paramref name="name"/> set to <paramref name="value"/>.
    /// </summary>
    /// <exception cref="ExperimentParameterException">Unknown name (listing the valid ones) or a value of the wrong form.</exception>
    public static T Assign<T>(T parameters, string name, string value) where T : ExperimentParameters
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var type = parameters.GetType();
        var property = Settable(type).FirstOrDefault(p => NameOf(p) == name)
                       ?? Settable(type).FirstOrDefault(p => p.GetCustomAttributes<ParameterAliasAttribute>().Any(a => a.Name == name));
        if (property is null || CommonNames.Contains(name))
            throw new ExperimentParameterException(name, value, $"a parameter name; valid names: {string.Join(", ", Names(type))}");
        object parsed = Parse(name, value, property.PropertyType);
        var clone = (T)type.GetMethod("<Clone>$")!.Invoke(parameters, null)!;
        property.SetValue(clone, parsed);
        return clone;
    }

    /// <summary>
    /// The listed name of <paramref name="name"/> on <paramref name="parametersType"/>: itself, or the current name of
    /// the parameter it is an old alias of (<see cref="ParameterAliasAttribute"/>); null when it names no parameter.
    /// </summary>
    public static string? Canonical(Type parametersType, string name)
    {
        var property = Settable(parametersType).FirstOrDefault(p => NameOf(p) == name)
                       ?? Settable(parametersType).FirstOrDefault(p => p.GetCustomAttributes<ParameterAliasAttribute>().Any(a => a.Name == name));
        return property is null ? null : NameOf(property);
    }

    /// <summary>The current value of <paramref name="name"/> as text (for listings).</summary>
    public static string Format(ExperimentParameters parameters, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var property = Settable(parameters.GetType()).First(p => NameOf(p) == name);
        return property.GetValue(parameters) switch
        {
            VarianceBlock[] blocks => string.Join(",", blocks.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Dimension}:{b.StandardDeviation:R}"))),
            string[] names => string.Join(",", names),
            int[] integers => string.Join(",", integers.Select(i => i.ToString(CultureInfo.InvariantCulture))),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other?.ToString() ?? "",
        };
    }

    static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.Name != "EqualityContract");

    static string NameOf(PropertyInfo property) => JsonNamingPolicy.KebabCaseLower.ConvertName(property.Name);

    static object Parse(string name, string value, Type type)
    {
        var c = CultureInfo.InvariantCulture;
        if (type == typeof(int))
            return int.TryParse(value, NumberStyles.Integer, c, out int i) ? i : throw new ExperimentParameterException(name, value, "an integer");
        if (type == typeof(long))
            return long.TryParse(value, NumberStyles.Integer, c, out long l) ? l : throw new ExperimentParameterException(name, value, "an integer");
        if (type == typeof(ulong))
            return ulong.TryParse(value, NumberStyles.Integer, c, out ulong u) ? u : throw new ExperimentParameterException(name, value, "an integer in [0, 2^64 − 1]");
        if (type == typeof(double))
            return double.TryParse(value, NumberStyles.Float, c, out double d) && double.IsFinite(d) ? d : throw new ExperimentParameterException(name, value, "a finite number");
        if (type == typeof(bool))
            return value switch { "true" => true, "false" => false, _ => throw new ExperimentParameterException(name, value, "true or false") };
        if (type == typeof(string))
            return value.Trim().Length > 0 ? value.Trim() : throw new ExperimentParameterException(name, value, "a non-empty name");
        if (type == typeof(int[]))
        {
            var parts = value.Split(',', StringSplitOptions.TrimEntries);
            var integers = new int[parts.Length];
            for (int k = 0; k < parts.Length; k++)
                if (!int.TryParse(parts[k], NumberStyles.Integer, c, out integers[k]))
                    throw new ExperimentParameterException(name, value, "a comma-separated list of integers, e.g. 16,32,64");
            return integers;
        }
        if (type == typeof(string[]))
        {
            var names = value.Split(',', StringSplitOptions.TrimEntries);
            return names.Length > 0 && names.All(n => n.Length > 0) ? names : throw new ExperimentParameterException(name, value, "a comma-separated list of names");
        }
        if (type == typeof(VarianceBlock[]))
            return ParseBlocks(name, value);
        throw new ExperimentParameterException(name, value, $"a parameter settable from text (type {type.Name} is not)");
    }

    static VarianceBlock[] ParseBlocks(string name, string value)
    {
        const string valid = "variance blocks dimension:σ separated by commas, e.g. 20:1,20:0.3 (dimension ≥ 1, σ > 0)";
        var blocks = new List<VarianceBlock>();
        foreach (string part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var fields = part.Split(':');
            if (fields.Length != 2 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int m) || m < 1
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double sigma) || !(sigma > 0) || !double.IsFinite(sigma))
                throw new ExperimentParameterException(name, value, valid);
            blocks.Add(new VarianceBlock(m, sigma));
        }
        return [.. blocks];
    }
}
