using System.Text;

namespace ScoreScope.IO;

/// <summary>
/// Text that is safe to show on a terminal: every control character (C0, DEL, C1 — ESC sequences, BEL, carriage
/// returns, line breaks inside a value) is written as <c>\uXXXX</c>, so that a hostile file name, file content or option
/// value echoed in a message can neither recolour nor rewrite the user's terminal nor split a one-line error.
/// </summary>
public static class PrintableText
{
    /// <summary><paramref name="text"/> with every control character replaced by its <c>\uXXXX</c> escape.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl)) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (char.IsControl(c)) builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
