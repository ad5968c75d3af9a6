using static TorchSharp.torch;

namespace ScoreScope.Tests.Infrastructure;

/// <summary>
/// Guards the build step in build/TorchSharpGlibcFix.targets: on hosts whose libstdc++ lacks GLIBCXX_3.4.32 the
/// unpatched libLibTorchSharp.so fails to load and every TorchSharp call throws TypeInitializationException.
/// </summary>
public sealed class TorchSharpLoadsTests
{
    [Fact]
    public void Matmul_and_autograd_run_in_the_test_host()
    {
        // Given a 2x2 float64 matrix that requires a gradient
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3, 4 }, dtype: ScalarType.Float64).reshape(2, 2).requires_grad_(true);

        // When we compute sum(x @ x) and its gradient
        var y = x.matmul(x).sum();
        var grad = autograd.grad([y], [x])[0];

        // Then the values are the closed forms: sum(x@x) = 7+10+15+22 = 54; ∂/∂x_ij sum(x@x) = rowsum_j + colsum_i
        // with row sums (3, 7) and column sums (4, 6)
        Assert.Equal(54.0, y.item<double>(), 12);
        var expected = new double[] { 3 + 4, 7 + 4, 3 + 6, 7 + 6 };
        Assert.Equal(expected, grad.flatten().data<double>().ToArray());
    }
}
