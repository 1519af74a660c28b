namespace Mge.CodeIntelligence.Atomization.JavaScript;

/// <summary>
/// Offsets to 1-based line numbers, with JavaScript's line terminators (\n, \r\n, \r, U+2028, U+2029) so
/// atom lines agree with the parser's. An atom's end line is the line of its last character.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The 1-based line of the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Lines covered by [start, end): the line of start through the line of the last character.</summary>
    public (int StartLine, int EndLine) LinesOf(int start, int end) =>
        (LineOf(start), LineOf(Math.Max(start, end - 1)));
}
