namespace Mge.CodeIntelligence.Atomization.JavaScript;

/// <summary>A span of the file that becomes one atom, with what the cutter knows about it.</summary>
internal sealed class Piece(int start, int end, AtomKind kind, string scope)
{
    public int Start { get; } = start;

    public int End { get; set; } = end;

    public AtomKind Kind { get; } = kind;

    public string Scope { get; } = scope;

    public List<string> ExtraDefines { get; } = [];

    public List<ImportReference> Imports { get; } = [];
}

/// <summary>
/// Cuts the file into contiguous pieces. Each cut goes after a syntax node and, when the rest of that
/// line is only whitespace or comments, after the line break too; the next piece starts exactly there,
/// so pieces never overlap or leave gaps and the last one runs to the end of the file.
/// </summary>
internal sealed class PieceCutter(string text)
{
    private readonly List<Piece> _pieces = [];
    private int _position;

    public LineMap Lines { get; } = new(text);

    /// <summary>Ends a piece after <paramref name="nodeEnd"/>; false (nothing cut) when that would be empty.</summary>
    public bool CutAfter(int nodeEnd, AtomKind kind, string scope, string? define = null)
    {
        var end = ExtendToLineEnd(nodeEnd);
        if (end <= _position)
        {
            return false;
        }

        var piece = new Piece(_position, end, kind, scope);
        if (define is not null)
        {
            piece.ExtraDefines.Add(define);
        }

        _pieces.Add(piece);
        _position = end;
        return true;
    }

    /// <summary>The pieces, the last one extended over trailing trivia; a file with no statements is one Trivia piece.</summary>
    public List<Piece> Finish()
    {
        if (_pieces.Count == 0)
        {
            _pieces.Add(new Piece(0, text.Length, AtomKind.Trivia, string.Empty));
        }
        else if (_position < text.Length)
        {
            _pieces[^1].End = text.Length;
        }

        _position = text.Length;
        return _pieces;
    }

    private int ExtendToLineEnd(int position)
    {
        var i = position;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\v' or '\f' or '\u00a0' or '\ufeff')
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && !IsLineTerminator(text[i]))
                {
                    i++;
                }

                break;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0 || text.AsSpan(i, close - i).IndexOfAny('\n', '\r') >= 0 || text.AsSpan(i, close - i).IndexOfAny('\u2028', '\u2029') >= 0)
                {
                    // A comment running onto later lines introduces what follows: it stays with the next piece.
                    return position;
                }

                i = close + 2;
                continue;
            }

            break;
        }

        if (i >= text.Length)
        {
            return text.Length;
        }

        if (text[i] == '\r')
        {
            return i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
        }

        return IsLineTerminator(text[i]) ? i + 1 : position;
    }

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';
}
