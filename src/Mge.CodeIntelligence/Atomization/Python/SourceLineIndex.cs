namespace Mge.CodeIntelligence.Atomization.Python;

/// <summary>
/// Line starts of a text, with Python's newline rules ("\r\n", "\n" and a lone "\r" each end a line), so
/// offsets map to 1-based lines and cut points can be put at line ends.
/// </summary>
internal sealed class SourceLineIndex
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public SourceLineIndex(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                _starts.Add(i + 1);
            }
            else if (c is '\n' or '\r')
            {
                _starts.Add(i + 1);
            }
        }
    }

    /// <summary>The 1-based line holding the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> starts.</summary>
    public int LineStartOf(int offset) => _starts[LineOf(offset) - 1];

    /// <summary>The offset just after the newline that ends the line holding <paramref name="offset"/> (or the text's end).</summary>
    public int LineEndAfter(int offset)
    {
        var line = LineOf(offset);
        return line < _starts.Count ? _starts[line] : _text.Length;
    }

    /// <summary>True when the text from <paramref name="start"/> to <paramref name="end"/> is blank or only a comment.</summary>
    public bool IsBlankOrComment(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = _text[i];
            if (c == '#')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c) && c != '\f' && c != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }
}
