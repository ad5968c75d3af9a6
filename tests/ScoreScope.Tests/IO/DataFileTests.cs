using ScoreScope.IO;
using static TorchSharp.torch;

namespace ScoreScope.Tests.IO;

public sealed class DataFileTests
{
    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Npy", name);

    static string WriteCsv(TemporaryDirectory directory, string content)
    {
        var path = directory.File("points.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Csv_with_a_header_row_loads_as_float64_points()
    {
        using var directory = new TemporaryDirectory();
        var path = WriteCsv(directory, "x,y\n1.5,-2\n\n# a comment\n3e-1, 4\r\n");
        using var points = DataFile.LoadPoints(path);
        Assert.Equal(ScalarType.Float64, points.dtype);
        Assert.Equal([2L, 2L], points.shape);
        Assert.Equal([1.5, -2, 0.3, 4], points.flatten().data<double>().ToArray());
    }

    [Fact]
    public void Csv_without_a_header_loads_every_row()
    {
        using var directory = new TemporaryDirectory();
        using var points = DataFile.LoadPoints(WriteCsv(directory, "1,2,3\n4,5,6\n"));
        Assert.Equal([2L, 3L], points.shape);
    }

    [Fact]
    public void Csv_parsing_ignores_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            using var directory = new TemporaryDirectory();
            using var points = DataFile.LoadPoints(WriteCsv(directory, "0.25,1000.5\n"));
            Assert.Equal([0.25, 1000.5], points.flatten().data<double>().ToArray());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("1,2\n3,abc\n", 2, 2, "'abc'")]
    [InlineData("a,b\n1,2\n3\n", 3, null, "line 3 has 1")]
    [InlineData("1;2\n", 1, 1, "separated by commas")]
    [InlineData("1,2\n3,NaN\n", 2, 2, "not finite")]
    [InlineData("1,2\n3,\n", 2, 2, "''")]
    [InlineData("x,y\n", null, null, "no data rows")]
    public void Bad_csv_names_the_file_line_column_and_value(string content, int? line, int? column, string expected)
    {
        using var directory = new TemporaryDirectory();
        var path = WriteCsv(directory, content);
        var error = Assert.Throws<DataFileException>(() => DataFile.LoadPoints(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        if (line is not null) Assert.Contains($"line {line}", error.Message);
    }

    [Fact]
    public void Npy_arrays_are_flattened_to_points()
    {
        using var cube = DataFile.LoadPoints(Fixture("v1_f8_2x3x4.npy"));
        Assert.Equal([2L, 12L], cube.shape);
        using var vector = DataFile.LoadPoints(Fixture("v3_f4_4.npy"));
        Assert.Equal([4L, 1L], vector.shape);
        Assert.Equal(ScalarType.Float64, vector.dtype);
        using var integers = DataFile.LoadPoints(Fixture("v1_i4_2x2.npy"));
        Assert.Equal([2L, 2L], integers.shape);
    }

    [Fact]
    public void Npy_without_points_or_with_non_finite_values_is_rejected()
    {
        Assert.Contains("N ≥ 1", Assert.Throws<DataFileException>(() => DataFile.LoadPoints(Fixture("v1_f8_empty_0x3.npy"))).Message);
        Assert.Throws<DataFileException>(() => DataFile.LoadPoints(Fixture("v1_f8_scalar.npy")));
        using var directory = new TemporaryDirectory();
        var path = directory.File("nan.npy");
        NpyFile.Write(path, [1.0, 2.0, 3.0, double.PositiveInfinity], [2, 2]);
        var error = Assert.Throws<DataFileException>(() => DataFile.LoadPoints(path));
        Assert.Equal(2, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Contains("row 2, column 2", error.Message);
    }

    [Fact]
    public void Unsupported_extensions_and_missing_files_are_rejected()
    {
        using var directory = new TemporaryDirectory();
        var error = Assert.Throws<DataFileException>(() => DataFile.LoadPoints(directory.File("points.json")));
        Assert.Contains("'.json'", error.Message);
        Assert.Contains(".npy or .csv", error.Message);
        Assert.Throws<FileNotFoundException>(() => DataFile.LoadPoints(directory.File("missing.npy")));
    }

    [Fact]
    public void A_file_loads_as_its_empirical_distribution()
    {
        using var directory = new TemporaryDirectory();
        using var empirical = DataFile.LoadEmpirical(WriteCsv(directory, "0,0\n2,0\n0,4\n"));
        Assert.Equal(3, empirical.Count);
        Assert.Equal([2L], empirical.EventShape);
        Assert.Equal([2.0 / 3, 4.0 / 3], empirical.Mean.data<double>().ToArray(), new ToleranceComparer(1e-15));
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
