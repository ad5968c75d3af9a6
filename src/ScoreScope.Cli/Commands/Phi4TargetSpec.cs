using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Lattice;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// The lattice target of <c>scorescope correct</c>: <c>phi4:L=8,kappa=0.4,lambda=0.022</c> (2-D, hopping form), with
/// optional <c>min=…,max=…</c> for the min–max map of the model's training fields (default: the
/// normalisation-&lt;point&gt;.txt that <c>reproduce phi4</c> writes beside its model-&lt;point&gt; folder).
/// </summary>
/// <param name="Size">L.</param>
/// <param name="Couplings">κ and λ.</param>
/// <param name="Normalisation">The min–max map when given in the spec.</param>
public sealed record Phi4TargetSpec(int Size, PhiFourCouplings Couplings, FieldNormalisation? Normalisation)
{
    /// <summary>The prefix of lattice targets.</summary>
    public const string Prefix = "phi4";

    /// <summary>The form of the spec, for messages.</summary>
    public const string Form = "phi4:L=<even L ≥ 4>,kappa=<κ > 0>,lambda=<λ ≥ 0>[,min=<φ_min>,max=<φ_max>]";

    /// <summary>True for <c>phi4</c> and <c>phi4:…</c>.</summary>
    public static bool Matches(string target) => target == Prefix || target.StartsWith(Prefix + ":", StringComparison.Ordinal);

    /// <summary>Parses a spec; every problem is one <see cref="UsageException"/> naming --target, the key and the valid values.</summary>
    public static Phi4TargetSpec Parse(string target)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string body = target.Length > Prefix.Length ? target[(Prefix.Length + 1)..] : "";
        foreach (string part in body.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string key = eq < 0 ? part : part[..eq];
            if (eq < 0 || key is not ("L" or "kappa" or "lambda" or "min" or "max"))
                throw new UsageException($"--target: '{part}' is not a key=value of {Form}");
            if (!values.TryAdd(key, part[(eq + 1)..])) throw new UsageException($"--target: {key} is given twice; expected {Form}");
        }
        foreach (string key in new[] { "L", "kappa", "lambda" })
        {
            if (!values.ContainsKey(key)) throw new UsageException($"--target phi4 needs {key}=…: {Form}");
        }
        if (!int.TryParse(values["L"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size < 4 || size % 2 != 0)
            throw new UsageException($"--target phi4: L must be an even integer ≥ 4 (got '{values["L"]}')");
        double kappa = Number(values, "kappa"), lambda = Number(values, "lambda");
        if (!(kappa > 0)) throw new UsageException($"--target phi4: kappa must be a finite number > 0 (got '{values["kappa"]}')");
        if (!(lambda >= 0)) throw new UsageException($"--target phi4: lambda must be a finite number ≥ 0 (got '{values["lambda"]}')");
        var couplings = new PhiFourCouplings(kappa, lambda);
        try
        {
            couplings.Validate(2);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"--target phi4: {ErrorText.OneLine(e)}", e);
        }
        FieldNormalisation? normalisation = null;
        if (values.ContainsKey("min") || values.ContainsKey("max"))
        {
            if (!values.ContainsKey("min") || !values.ContainsKey("max")) throw new UsageException("--target phi4: give both min=… and max=… (or neither)");
            double min = Number(values, "min"), max = Number(values, "max");
            if (!(max > min)) throw new UsageException($"--target phi4: max must be > min (got min={values["min"]}, max={values["max"]})");
            normalisation = new FieldNormalisation(min, max);
        }
        return new Phi4TargetSpec(size, couplings, normalisation);
    }

    /// <summary>The event shape [1, L, L] of a model of these fields.</summary>
    public long[] EventShape => [1, Size, Size];

    static double Number(Dictionary<string, string> values, string key)
    {
        if (!double.TryParse(values[key], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new UsageException($"--target phi4: {key} must be a finite number (got '{values[key]}')");
        return v;
    }
}
