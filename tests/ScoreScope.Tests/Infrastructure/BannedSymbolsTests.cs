using System.Reflection;
using TorchSharp;

namespace ScoreScope.Tests.Infrastructure;

/// <summary>
/// The analyzer silently ignores a BannedSymbols.txt entry that names no symbol, so a typo would switch the
/// use-after-free guard off without a trace: every entry must name an existing TorchSharp member.
/// </summary>
public sealed class BannedSymbolsTests
{
    static string[] Entries()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "BannedSymbols.txt");
            if (File.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "ScoreScope.slnx")))
                return File.ReadAllLines(candidate).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//")).ToArray();
        }
        throw new FileNotFoundException("BannedSymbols.txt not found above " + AppContext.BaseDirectory);
    }

    static string TypeName(Type t)
    {
        if (t.IsByRef) return TypeName(t.GetElementType()!) + "@";
        if (t.IsArray) return TypeName(t.GetElementType()!) + "[]";
        if (t.IsGenericType)
        {
            var definition = (t.GetGenericTypeDefinition().FullName ?? t.Name).Replace('+', '.');
            return definition[..definition.IndexOf('`')] + "{" + string.Join(",", t.GetGenericArguments().Select(TypeName)) + "}";
        }
        return (t.FullName ?? t.Name).Replace('+', '.');
    }

    /// <summary>The documentation-comment ID of a method (the format of BannedSymbols.txt).</summary>
    static string DocumentationId(MethodBase m)
    {
        var parameters = m.GetParameters();
        string id = "M:" + TypeName(m.DeclaringType!) + "." + (m.IsConstructor ? "#ctor" : m.Name) +
            (parameters.Length > 0 ? "(" + string.Join(",", parameters.Select(p => TypeName(p.ParameterType))) + ")" : "");
        return m.Name is "op_Implicit" or "op_Explicit" ? id + "~" + TypeName(((MethodInfo)m).ReturnType) : id;
    }

    [Fact]
    public void Every_entry_names_an_existing_TorchSharp_method()
    {
        var entries = Entries().Select(l => l.Split(';')[0]).ToArray();
        var known = new HashSet<string>();
        foreach (var type in typeof(Scalar).Assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                try { known.Add(DocumentationId(method)); }
                catch (FileNotFoundException) { } // a signature naming an optional dependency (e.g. Google.Protobuf) that is not deployed
            }
        }
        Assert.True(entries.Length >= 150, $"expected the full list (≥ 150 entries), got {entries.Length}");
        var unknown = entries.Where(e => !known.Contains(e)).ToArray();
        Assert.True(unknown.Length == 0, $"{unknown.Length} of {entries.Length} entries name no TorchSharp method: {string.Join(", ", unknown.Take(5))}");
    }

    [Fact]
    public void Every_entry_says_what_to_use_instead()
    {
        var silent = Entries().Where(l => l.Split(';').Length < 2 || !(l.Contains("ScalarArithmetic", StringComparison.Ordinal) || l.Contains("ScoreScope.Training.HeldScalarAdam", StringComparison.Ordinal))).ToArray();
        Assert.True(silent.Length == 0, $"entries without a replacement: {string.Join(", ", silent.Take(5))}");
    }

    [Fact]
    public void The_core_patterns_are_banned()
    {
        var ids = Entries().Select(l => l.Split(';')[0]).ToHashSet();
        string[] required =
        [
            "M:TorchSharp.Scalar.op_Implicit(System.Double)~TorchSharp.Scalar",
            "M:TorchSharp.Scalar.op_Implicit(System.Int32)~TorchSharp.Scalar",
            "M:TorchSharp.torch.Tensor.op_Multiply(TorchSharp.torch.Tensor,System.Double)",
            "M:TorchSharp.torch.Tensor.op_Addition(TorchSharp.torch.Tensor,TorchSharp.torch.Tensor)",
            "M:TorchSharp.torch.Tensor.add(TorchSharp.torch.Tensor)",
            "M:TorchSharp.torch.Tensor.square",
        ];
        Assert.All(required, r => Assert.Contains(r, ids));
    }
}
