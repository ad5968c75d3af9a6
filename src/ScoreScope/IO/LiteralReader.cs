using System.Globalization;

namespace ScoreScope.IO;

/// <summary>A cursor over the Python literal in a <c>.npy</c> header: strings, True/False, tuples of integers.</summary>
internal sealed class LiteralReader(string text, string path)
{
    int _position;

    internal void Expect(char expected)
    {
        if (!TryConsume(expected)) throw Unexpected($"'{expected}'");
    }

    internal bool TryConsume(char expected)
    {
        SkipWhitespace();
        if (_position < text.Length && text[_position] == expected)
        {
            _position++;
            return true;
        }
        return false;
    }

    internal string ReadString()
    {
        SkipWhitespace();
        if (_position >= text.Length || (text[_position] != '\'' && text[_position] != '"')) throw Unexpected("a quoted string");
        char quote = text[_position++];
        int end = text.IndexOf(quote, _position);
        if (end < 0) throw Unexpected($"a closing {quote}");
        var value = text[_position..end];
        _position = end + 1;
        return value;
    }

    internal string ReadDescriptor()
    {
        SkipWhitespace();
        if (_position < text.Length && text[_position] == '[')
            throw NpyHeaderParser.Error(path, "has a structured (record) dtype; only plain '<f4', '<f8', '<i4', '<i8' arrays are supported");
        return ReadString();
    }

    internal bool ReadBoolean()
    {
        SkipWhitespace();
        foreach (var (word, value) in new[] { ("True", true), ("False", false) })
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0)
            {
                _position += word.Length;
                return value;
            }
        }
        throw Unexpected("True or False");
    }

    internal long[] ReadShape()
    {
        Expect('(');
        var sizes = new List<long>();
        while (!TryConsume(')'))
        {
            SkipWhitespace();
            int start = _position;
            while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
            if (!long.TryParse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out long size))
                throw Unexpected("a non-negative integer dimension");
            if (_position < text.Length && text[_position] == 'L') _position++; // Python 2 long suffix
            sizes.Add(size);
            if (!TryConsume(',')) { Expect(')'); break; }
        }
        return [.. sizes];
    }

    void SkipWhitespace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
    }

    NpyFormatException Unexpected(string expected)
    {
        SkipWhitespace();
        string found = _position < text.Length ? $"'{text[_position..Math.Min(text.Length, _position + 12)]}'" : "the end of the header";
        return NpyHeaderParser.Error(path, $"has a corrupt header: expected {expected} at character {_position} but found {found} (header: {text.Trim()})");
    }
}
