using ScoreScope.Processes;

namespace ScoreScope.Tests.Processes;

/// <summary>The one place where the built-in processes' names, defaults and parameter checks live.</summary>
public sealed class ProcessSettingsTests
{
    [Fact]
    public void Defaults_fill_only_the_parameters_the_process_uses()
    {
        var ve = new ProcessSettings("ve", SigmaMax: 80, BetaMin: 3).WithDefaults();
        Assert.Equal(new ProcessSettings("ve", ProcessSettings.DefaultSigmaMin, 80, null, null), ve);
        var cosine = new ProcessSettings("vp-cosine").WithDefaults();
        Assert.Equal(new ProcessSettings("vp-cosine", null, null, null, ProcessSettings.DefaultBetaMax), cosine);
    }

    [Fact]
    public void The_spec_with_defaults_builds_the_same_process_as_the_factory()
    {
        var spec = new ProcessSettings("ve").ToSpec();
        Assert.Equal(ForwardProcessSpec.VarianceExplodingGeometric(0.01, 50.0), spec);
        var process = new ProcessSettings("vp").Build();
        var reference = VariancePreservingProcess.WithBetaRange(0.1, 20.0);
        foreach (double t in new[] { 1e-3, 0.3, 1.0 })
        {
            Assert.Equal(reference.A(t), process.A(t));
            Assert.Equal(reference.B(t), process.B(t));
        }
    }

    public static TheoryData<ProcessSettings, string, string> Invalid() => new()
    {
        { new ProcessSettings("ve", SigmaMin: 0.5, SigmaMax: 0.5), "sigma-max", "must be > sigma-min = 0.5" },
        { new ProcessSettings("ve", SigmaMin: -1), "sigma-min", "must be > 0" },
        { new ProcessSettings("vp", BetaMin: 5, BetaMax: 1), "beta-max", "≥ beta-min = 5" },
        { new ProcessSettings("vp", BetaMin: double.NaN), "beta-min", "must be ≥ 0" },
        { new ProcessSettings("edm"), "process", "valid: ve, vp, vp-cosine, subvp" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_name_the_parameter_its_value_and_the_valid_range(ProcessSettings settings, string key, string text)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => settings.Validate());
        Assert.Equal(key, e.ParamName);
        Assert.Contains(text, e.Message);
        Assert.NotNull(e.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => settings.ToSpec());
    }
}
