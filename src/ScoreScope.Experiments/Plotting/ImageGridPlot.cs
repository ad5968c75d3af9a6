using SkiaSharp;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// A PNG grid of grey images (e.g. MNIST samples): row-major pixel values mapped linearly from [low, high] to black…white
/// (clipped), each image enlarged by an integer factor, with a 2-pixel dark gap. Takes plain arrays only (STYLE B12).
/// </summary>
public static class ImageGridPlot
{
    /// <summary>Writes up to <paramref name="maxImages"/> images of <paramref name="side"/>² values each from <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="values"/> is not a whole number of images.</exception>
    public static void Write(string path, ReadOnlySpan<float> values, int side, double low, double high, int columns = 8, int maxImages = 64, int zoom = 3)
    {
        int size = side * side;
        if (side < 1 || values.Length % size != 0 || values.Length == 0)
            throw new ArgumentException($"{values.Length} values are not a whole number of {side}×{side} images.", nameof(values));
        int count = Math.Min(maxImages, values.Length / size);
        int cols = Math.Min(columns, count), rows = (count + cols - 1) / cols;
        int cell = side * zoom + 2;
        using var bitmap = new SKBitmap(cols * cell + 2, rows * cell + 2, SKColorType.Gray8, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(40, 40, 40));
        for (int n = 0; n < count; n++)
        {
            int x0 = 2 + n % cols * cell, y0 = 2 + n / cols * cell;
            for (int i = 0; i < side; i++)
                for (int j = 0; j < side; j++)
                {
                    double v = (values[n * size + i * side + j] - low) / (high - low);
                    byte grey = (byte)Math.Round(255 * Math.Clamp(double.IsFinite(v) ? v : 0, 0, 1));
                    for (int a = 0; a < zoom; a++)
                        for (int b = 0; b < zoom; b++) bitmap.SetPixel(x0 + j * zoom + b, y0 + i * zoom + a, new SKColor(grey, grey, grey));
                }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
