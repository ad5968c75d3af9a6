using ScoreScope.Numerics;

namespace ScoreScope.Tests.Numerics;

public sealed class BesselRatioTests
{
    // Reference values computed with mpmath 1.3.0 at 40 significant digits on the build host:
    //   r = besseli(ν, κ)/besseli(ν−1, κ); 1 − r; log(besseli(μ, κ)) − κ.
    public static TheoryData<double, double, double, double> Ratios => new()
    {
        { 1, 1e-6, 4.999999999999375e-7, 0.9999995 },
        { 1, 1e-3, 0.00049999993750001042, 0.99950000006249999 },
        { 1, 0.1, 0.049937603987938919, 0.95006239601206108 },
        { 1, 1, 0.44638996589653451, 0.55361003410346549 },
        { 1, 10, 0.94859982595484596, 0.051400174045154041 },
        { 1, 30, 0.98318955536533609, 0.016810444634663907 },
        { 1, 100, 0.99498737300516877, 0.0050126269948312344 },
        { 1, 1e3, 0.99949987487480428, 0.0005001251251957198 },
        { 1, 1e4, 0.99994999874987498, 5.0001250125019535e-5 },
        { 1, 1e6, 0.999999499999875, 5.00000125000125e-7 },
        { 1, 1e8, 0.99999999499999999, 5.0000000125000001e-9 },
        { 1.5, 1e-6, 3.3333333333331111e-7, 0.99999966666666667 },
        { 1.5, 0.1, 0.03331113225398961, 0.96668886774601039 },
        { 1.5, 1, 0.3130352854993313, 0.6869647145006687 },
        { 1.5, 10, 0.90000000412230725, 0.099999995877692747 },
        { 1.5, 30, 0.96666666666666667, 0.033333333333333333 },
        { 1.5, 1e3, 0.999, 0.001 },
        { 1.5, 1e8, 0.99999999, 1.0e-8 },
        { 2.5, 1e-6, 1.9999999999999429e-7, 0.9999998 },
        { 2.5, 1, 0.19452804946532511, 0.80547195053467489 },
        { 2.5, 10, 0.81111110602184292, 0.18888889397815708 },
        { 2.5, 100, 0.9801010101010101, 0.019898989898989899 },
        { 2.5, 1e4, 0.9998000100010001, 0.00019998999899989999 },
        { 2.5, 1e8, 0.9999999800000001, 1.9999999899999999e-8 },
    };

    [Theory]
    [MemberData(nameof(Ratios))]
    public void Ratio_and_its_complement_match_high_precision_references(double order, double kappa, double ratio, double complement)
    {
        double r = BesselRatio.Ratio(order, kappa);
        double q = BesselRatio.OneMinusRatio(order, kappa);
        Assert.True(Math.Abs(r - ratio) <= 1e-13 * ratio, $"ν = {order}, κ = {kappa}: ratio {r:R} vs mpmath {ratio:R}");
        Assert.True(Math.Abs(q - complement) <= 1e-11 * complement, $"ν = {order}, κ = {kappa}: 1 − ratio {q:R} vs mpmath {complement:R}");
    }

    [Theory]
    [InlineData(0, 1e-6, -9.9999975e-7)]
    [InlineData(0, 1, -0.76408564149282135)]
    [InlineData(0, 30, -2.6152985668280642)]
    [InlineData(0, 1e4, -5.524096218567699)]
    [InlineData(0, 1e8, -10.129278903930855)]
    [InlineData(0.5, 1e-6, -7.1335476316266978)]
    [InlineData(0.5, 1, -1.0643519910735318)]
    [InlineData(0.5, 30, -2.6195372240357504)]
    [InlineData(0.5, 1e4, -5.5241087191927641)]
    [InlineData(0.5, 1e8, -10.129278905180855)]
    public void Log_scaled_bessel_matches_high_precision_references(double order, double kappa, double expected)
    {
        double v = BesselRatio.LogScaledBesselI(order, kappa);
        Assert.True(Math.Abs(v - expected) <= 1e-12 * Math.Abs(expected), $"ν = {order}, κ = {kappa}: {v:R} vs mpmath {expected:R}");
    }

    [Fact]
    public void Ratio_of_half_integer_orders_is_the_langevin_function()
    {
        // I_{3/2}/I_{1/2} = coth κ − 1/κ exactly; compared where that closed form is itself well conditioned.
        foreach (double kappa in new[] { 0.5, 2.0, 7.0, 29.0, 31.0, 200.0 })
        {
            double langevin = 1 / Math.Tanh(kappa) - 1 / kappa;
            Assert.True(Math.Abs(BesselRatio.Ratio(1.5, kappa) - langevin) <= 1e-14, $"κ = {kappa}");
        }
    }

    [Fact]
    public void Ratio_is_finite_and_monotone_from_zero_to_beyond_ten_to_the_twelve()
    {
        foreach (double order in new[] { 1.0, 1.5, 2.5, 5.0 })
        {
            double previous = -1;
            for (double kappa = 1e-12; kappa <= 1e12; kappa *= 1.3)
            {
                double r = BesselRatio.Ratio(order, kappa);
                Assert.True(double.IsFinite(r) && r >= previous - 1e-15 && r < 1, $"ν = {order}, κ = {kappa}: ratio {r}, previous {previous}");
                previous = r;
            }
        }
        Assert.Equal(0.0, BesselRatio.Ratio(1, 0));
    }
}
