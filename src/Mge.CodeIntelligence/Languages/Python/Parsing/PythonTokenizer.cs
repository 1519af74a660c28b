using System.Buffers;
using System.Globalization;
using System.Text;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>
/// Turns Python source into tokens on demand, following the language reference's lexical rules:
/// INDENT/DEDENT with tabs to the next multiple of 8 (and CPython's TabError check against tab size 1),
/// implicit joining inside brackets, backslash continuation, comments, all string prefixes, PEP 701
/// f-strings (FSTRING_START / FSTRING_MIDDLE / replacement-field tokens / FSTRING_END), numeric literals.
/// The first lexical error is recorded as a diagnostic and ends the token stream (an Error token, then EOF),
/// because after a broken string or bracket every later token would be guesswork.
/// </summary>
internal sealed class PythonTokenizer
{
    /// <summary>CPython's MAXLEVEL: the deepest bracket nesting the tokenizer accepts.</summary>
    public const int MaxParenDepth = 200;

    /// <summary>CPython's MAXINDENT: the deepest indentation the tokenizer accepts.</summary>
    public const int MaxIndentDepth = 100;

    private const int TabSize = 8;

    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly List<int> _indents;
    private readonly List<int> _altIndents;
    private readonly List<OpenBracket> _brackets;
    private readonly List<FStringFrame> _fstrings;

    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _atLineStart = true;
    private bool _lineHasTokens;
    private int _pendingDedents;
    private bool _pendingIndent;
    private bool _failed;
    private bool _finished;
    private int _tokenCount;

    public PythonTokenizer(string text, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _text = text;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _indents = [0];
        _altIndents = [0];
        _brackets = [];
        _fstrings = [];
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    private PythonTokenizer(PythonTokenizer other, List<Diagnostic> diagnostics)
    {
        _text = other._text;
        _diagnostics = diagnostics;
        _cancellationToken = other._cancellationToken;
        _indents = [.. other._indents];
        _altIndents = [.. other._altIndents];
        _brackets = [.. other._brackets];
        _fstrings = [.. other._fstrings];
        _pos = other._pos;
        _line = other._line;
        _lineStart = other._lineStart;
        _atLineStart = other._atLineStart;
        _lineHasTokens = other._lineHasTokens;
        _pendingDedents = other._pendingDedents;
        _pendingIndent = other._pendingIndent;
        _failed = other._failed;
        _finished = other._finished;
    }

    /// <summary>True once a lexical error has been reported.</summary>
    public bool Failed => _failed;

    /// <summary>
    /// False for the lexical errors CPython's tokenizer only flags (indentation, continuation, end of input) rather
    /// than raises: those do not replace an earlier parser error there.
    /// </summary>
    public bool OverridesParserErrors { get; private set; }

    /// <summary>When the stream failed because brackets were still open at the end: the innermost one's line; else 0.</summary>
    public int UnclosedBracketLine { get; private set; }

    /// <summary>
    /// Tokenizes the rest of the input on a copy of this tokenizer's state and returns the first lexical error
    /// there, if any. CPython does the same after a parser error, and reports such an error instead.
    /// </summary>
    public (Diagnostic Error, int UnclosedBracketLine)? FindLexicalErrorInRest()
    {
        var diagnostics = new List<Diagnostic>();
        var probe = new PythonTokenizer(this, diagnostics);
        while (true)
        {
            var token = probe.Next();
            if (token.Kind == TokenKind.EndOfFile)
            {
                return diagnostics.Count > 0 && (probe.OverridesParserErrors || probe.UnclosedBracketLine > 0)
                    ? (diagnostics[0], probe.UnclosedBracketLine)
                    : null;
            }
        }
    }

    private enum FStringMode : byte
    {
        Literal,
        Expression,
        FormatSpec,
    }

    /// <summary>Produces the next token. After <see cref="TokenKind.EndOfFile"/> or an error it keeps returning EOF.</summary>
    public Token Next()
    {
        if (_failed || _finished)
        {
            return MakeEof();
        }

        if ((++_tokenCount & 0xFFF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        if (_fstrings.Count > 0)
        {
            var top = _fstrings[^1];
            if (top.Mode == FStringMode.Literal)
            {
                return ScanFStringText(top, inSpec: false);
            }

            if (top.Mode == FStringMode.FormatSpec)
            {
                return ScanFStringText(top, inSpec: true);
            }
        }

        if (_pendingIndent)
        {
            _pendingIndent = false;
            return new Token(TokenKind.Indent, _pos, _pos, _line, _pos - _lineStart, _line, _pos - _lineStart);
        }

        if (_pendingDedents > 0)
        {
            _pendingDedents--;
            return new Token(TokenKind.Dedent, _pos, _pos, _line, _pos - _lineStart, _line, _pos - _lineStart);
        }

        if (_atLineStart && _brackets.Count == 0)
        {
            var indentToken = ReadIndentation();
            if (indentToken is { } t)
            {
                return t;
            }
        }

        return ScanToken();
    }

    private Token MakeEof() => new(TokenKind.EndOfFile, _text.Length, _text.Length, _line, _pos - _lineStart, _line, _pos - _lineStart);

    private Token Fail(string message, int line, int column, bool overridesParserErrors = true)
    {
        if (!_failed)
        {
            _failed = true;
            OverridesParserErrors = overridesParserErrors;
            _diagnostics.Add(new Diagnostic(line, column + 1, DiagnosticSeverity.Error, "syntax", message));
        }

        return new Token(TokenKind.Error, _pos, _pos, line, column, line, column);
    }

    private void NewLine()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos += 2;
        }
        else
        {
            _pos++;
        }

        _line++;
        _lineStart = _pos;
    }

    /// <summary>
    /// Measures the indentation of a new logical line, skipping blank and comment-only lines, and queues
    /// INDENT/DEDENT tokens. Returns a token when one is due now.
    /// </summary>
    private Token? ReadIndentation()
    {
        while (true)
        {
            int col = 0;
            int altCol = 0;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ')
                {
                    col++;
                    altCol++;
                }
                else if (c == '\t')
                {
                    col = ((col / TabSize) + 1) * TabSize;
                    altCol++;
                }
                else if (c == '\f')
                {
                    col = 0;
                    altCol = 0;
                }
                else
                {
                    break;
                }

                _pos++;
            }

            if (_pos >= _text.Length)
            {
                _atLineStart = false;
                return null;
            }

            char first = _text[_pos];
            if (first == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                {
                    _pos++;
                }

                if (_pos >= _text.Length)
                {
                    _atLineStart = false;
                    return null;
                }

                NewLine();
                continue;
            }

            if (first is '\n' or '\r')
            {
                NewLine();
                continue;
            }

            _atLineStart = false;
            int column = _pos - _lineStart;
            int current = _indents[^1];
            if (col == current)
            {
                if (altCol != _altIndents[^1])
                {
                    return Fail("inconsistent use of tabs and spaces in indentation", _line, column, overridesParserErrors: false);
                }

                return null;
            }

            if (col > current)
            {
                if (_indents.Count >= MaxIndentDepth)
                {
                    return Fail("too many levels of indentation", _line, column, overridesParserErrors: false);
                }

                if (altCol <= _altIndents[^1])
                {
                    return Fail("inconsistent use of tabs and spaces in indentation", _line, column, overridesParserErrors: false);
                }

                _indents.Add(col);
                _altIndents.Add(altCol);
                return new Token(TokenKind.Indent, _pos, _pos, _line, column, _line, column);
            }

            int dedents = 0;
            while (_indents.Count > 1 && col < _indents[^1])
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                dedents++;
            }

            if (col != _indents[^1])
            {
                return Fail("unindent does not match any outer indentation level", _line, column, overridesParserErrors: false);
            }

            if (altCol != _altIndents[^1])
            {
                return Fail("inconsistent use of tabs and spaces in indentation", _line, column, overridesParserErrors: false);
            }

            _pendingDedents = dedents - 1;
            return new Token(TokenKind.Dedent, _pos, _pos, _line, column, _line, column);
        }
    }

    private Token ScanToken()
    {
        // Skip whitespace, comments, continuations and (inside brackets) newlines.
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return AtEndOfInput();
            }

            char c = _text[_pos];
            if (c is ' ' or '\t' or '\f')
            {
                _pos++;
                continue;
            }

            if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                {
                    _pos++;
                }

                continue;
            }

            if (c == '\\')
            {
                int next = _pos + 1;
                if (next >= _text.Length)
                {
                    return Fail("unexpected EOF while parsing", _line, _pos - _lineStart, overridesParserErrors: false);
                }

                if (_text[next] is '\n' or '\r')
                {
                    _pos++;
                    NewLine();
                    if (_pos >= _text.Length)
                    {
                        return Fail("unexpected EOF while parsing", _line, 0, overridesParserErrors: false);
                    }

                    continue;
                }

                return Fail("unexpected character after line continuation character", _line, _pos - _lineStart + 1, overridesParserErrors: false);
            }

            if (c is '\n' or '\r')
            {
                if (_brackets.Count > 0)
                {
                    NewLine();
                    continue;
                }

                int start = _pos;
                int line = _line;
                int col = _pos - _lineStart;
                NewLine();
                _atLineStart = true;
                _lineHasTokens = false;
                return new Token(TokenKind.Newline, start, _pos, line, col, line, col + 1);
            }

            break;
        }

        _lineHasTokens = true;
        int tokenStart = _pos;
        int tokenColumn = _pos - _lineStart;
        char ch = _text[_pos];

        if (IsAsciiIdentifierStart(ch) || (ch >= 0x80 && IsUnicodeIdentifierStart(_pos)))
        {
            // String prefixes look like identifiers until the quote.
            if (ch is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F')
            {
                var str = TryScanPrefixedString(tokenStart, tokenColumn);
                if (str is { } s)
                {
                    return s;
                }
            }

            ScanIdentifierTail();
            var kind = Keywords.Classify(_text.AsSpan(tokenStart, _pos - tokenStart));
            return new Token(kind, tokenStart, _pos, _line, tokenColumn, _line, _pos - _lineStart);
        }

        if (ch is >= '0' and <= '9' || (ch == '.' && _pos + 1 < _text.Length && _text[_pos + 1] is >= '0' and <= '9'))
        {
            return ScanNumber(tokenStart, tokenColumn);
        }

        if (ch is '"' or '\'')
        {
            return ScanString(tokenStart, tokenColumn, _pos, raw: false, bytes: false, fstring: false);
        }

        return ScanOperator(tokenStart, tokenColumn);
    }

    private Token AtEndOfInput()
    {
        if (_fstrings.Count > 0)
        {
            var frame = _fstrings[^1];
            for (int i = _fstrings.Count - 1; i >= 0; i--)
            {
                if (_fstrings[i].Mode == FStringMode.Literal || i == 0)
                {
                    frame = _fstrings[i];
                    break;
                }
            }

            return Fail(
                frame.Triple ? $"unterminated triple-quoted f-string literal (detected at line {_line})" : $"unterminated f-string literal (detected at line {_line})",
                frame.Line,
                frame.Column);
        }

        if (_brackets.Count > 0)
        {
            var open = _brackets[^1];
            UnclosedBracketLine = open.Line;
            return Fail($"'{open.Char}' was never closed", open.Line, open.Column);
        }

        int col = _pos - _lineStart;
        if (_lineHasTokens)
        {
            _lineHasTokens = false;
            return new Token(TokenKind.Newline, _pos, _pos, _line, col, _line, col);
        }

        if (_indents.Count > 1)
        {
            _indents.RemoveAt(_indents.Count - 1);
            _altIndents.RemoveAt(_altIndents.Count - 1);
            return new Token(TokenKind.Dedent, _pos, _pos, _line, col, _line, col);
        }

        _finished = true;
        return MakeEof();
    }

    private static bool IsAsciiIdentifierStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private static bool IsAsciiIdentifierPart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' || (uint)(c - '0') <= 9;

    private bool IsUnicodeIdentifierStart(int pos)
    {
        if (Rune.DecodeFromUtf16(_text.AsSpan(pos), out var rune, out _) != OperationStatus.Done)
        {
            return false;
        }

        return IsIdentifierStartCategory(Rune.GetUnicodeCategory(rune));
    }

    private static bool IsIdentifierStartCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsIdentifierPartCategory(UnicodeCategory category) => IsIdentifierStartCategory(category) || category is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.ConnectorPunctuation;

    private void ScanIdentifierTail()
    {
        if (_text[_pos] < 0x80)
        {
            _pos++;
        }
        else
        {
            Rune.DecodeFromUtf16(_text.AsSpan(_pos), out _, out int consumed);
            _pos += consumed;
        }

        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c < 0x80)
            {
                if (!IsAsciiIdentifierPart(c))
                {
                    return;
                }

                _pos++;
                continue;
            }

            if (Rune.DecodeFromUtf16(_text.AsSpan(_pos), out var rune, out int n) != OperationStatus.Done
                || !IsIdentifierPartCategory(Rune.GetUnicodeCategory(rune)))
            {
                return;
            }

            _pos += n;
        }
    }

    private Token? TryScanPrefixedString(int start, int column)
    {
        int p = _pos;
        bool raw = false, bytes = false, f = false, u = false;
        while (p < _text.Length && p - start < 3)
        {
            char c = _text[p];
            switch (c)
            {
                case 'r' or 'R' when !raw && !u:
                    raw = true;
                    break;
                case 'b' or 'B' when !bytes && !f && !u:
                    bytes = true;
                    break;
                case 'f' or 'F' when !f && !bytes && !u:
                    f = true;
                    break;
                case 'u' or 'U' when p == start:
                    u = true;
                    break;
                case '"' or '\'':
                    if (p == start)
                    {
                        return null;
                    }

                    return ScanString(start, column, p, raw, bytes, f);
                default:
                    return null;
            }

            p++;
        }

        return null;
    }

    /// <summary>Scans a string literal whose opening quote is at <paramref name="quotePos"/>.</summary>
    private Token ScanString(int start, int column, int quotePos, bool raw, bool bytes, bool fstring)
    {
        char quote = _text[quotePos];
        bool triple = quotePos + 2 < _text.Length && _text[quotePos + 1] == quote && _text[quotePos + 2] == quote;
        int startLine = _line;
        if (fstring)
        {
            if (_fstrings.Count >= MaxParenDepth)
            {
                return Fail("too many nested f-strings", _line, column);
            }

            _pos = quotePos + (triple ? 3 : 1);
            _fstrings.Add(new FStringFrame(FStringMode.Literal, quote, triple, raw, 0, startLine, column));
            return new Token(TokenKind.FStringStart, start, _pos, startLine, column, _line, _pos - _lineStart);
        }

        _pos = quotePos + (triple ? 3 : 1);
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return triple
                    ? Fail($"unterminated triple-quoted string literal (detected at line {_line})", startLine, column)
                    : Fail($"unterminated string literal (detected at line {_line})", startLine, column);
            }

            char c = _text[_pos];
            if (c == quote)
            {
                if (!triple)
                {
                    _pos++;
                    break;
                }

                if (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)
                {
                    _pos += 3;
                    break;
                }

                _pos++;
                continue;
            }

            if (c == '\\')
            {
                _pos++;
                if (_pos < _text.Length)
                {
                    if (_text[_pos] is '\n' or '\r')
                    {
                        NewLine();
                    }
                    else
                    {
                        _pos++;
                    }
                }

                continue;
            }

            if (c is '\n' or '\r')
            {
                if (!triple)
                {
                    return Fail($"unterminated string literal (detected at line {_line})", startLine, column);
                }

                NewLine();
                continue;
            }

            if (bytes && c >= 0x80)
            {
                return Fail("bytes can only contain ASCII literal characters", _line, _pos - _lineStart);
            }

            _pos++;
        }

        return new Token(TokenKind.String, start, _pos, startLine, column, _line, _pos - _lineStart);
    }

    /// <summary>Scans literal text of an f-string (or of a format spec) up to a brace or the closing quote.</summary>
    private Token ScanFStringText(FStringFrame frame, bool inSpec)
    {
        var owner = inSpec ? OwningLiteral() : frame;
        int start = _pos;
        int startLine = _line;
        int startColumn = _pos - _lineStart;
        char quote = owner.Quote;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                if (_pos > start)
                {
                    return Middle(start, startLine, startColumn);
                }

                return AtEndOfInput();
            }

            char c = _text[_pos];
            if (c == quote && (!owner.Triple || (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)))
            {
                if (_pos > start)
                {
                    return Middle(start, startLine, startColumn);
                }

                if (inSpec)
                {
                    return Fail("f-string: expecting '}'", _line, _pos - _lineStart);
                }

                _pos += owner.Triple ? 3 : 1;
                _fstrings.RemoveAt(_fstrings.Count - 1);
                return new Token(TokenKind.FStringEnd, start, _pos, startLine, startColumn, _line, _pos - _lineStart);
            }

            if (c is '\n' or '\r')
            {
                if (!owner.Triple)
                {
                    return Fail($"unterminated f-string literal (detected at line {_line})", owner.Line, owner.Column);
                }

                NewLine();
                continue;
            }

            if (c == '\\')
            {
                int next = _pos + 1;
                if (next >= _text.Length)
                {
                    _pos++;
                    continue;
                }

                char n = _text[next];
                if (!owner.Raw && n == 'N' && next + 1 < _text.Length && _text[next + 1] == '{')
                {
                    int close = _text.IndexOf('}', next + 2);
                    _pos = close < 0 ? _text.Length : close + 1;
                    continue;
                }

                if (n is '{' or '}')
                {
                    _pos++;
                    continue;
                }

                if (n is '\n' or '\r')
                {
                    _pos++;
                    NewLine();
                    continue;
                }

                _pos += owner.Raw && n != quote && n != '\\' ? 1 : 2;
                continue;
            }

            if (c == '{')
            {
                if (!inSpec && _pos + 1 < _text.Length && _text[_pos + 1] == '{')
                {
                    _pos += 2;
                    continue;
                }

                if (_pos > start)
                {
                    return Middle(start, startLine, startColumn);
                }

                if (_brackets.Count >= MaxParenDepth)
                {
                    return Fail("too many nested parentheses", _line, _pos - _lineStart);
                }

                _fstrings.Add(new FStringFrame(FStringMode.Expression, quote, owner.Triple, owner.Raw, _brackets.Count, owner.Line, owner.Column));
                _brackets.Add(new OpenBracket('{', _line, _pos - _lineStart));
                _pos++;
                return new Token(TokenKind.LBrace, start, _pos, _line, startColumn, _line, startColumn + 1);
            }

            if (c == '}')
            {
                if (!inSpec && _pos + 1 < _text.Length && _text[_pos + 1] == '}')
                {
                    _pos += 2;
                    continue;
                }

                if (_pos > start)
                {
                    return Middle(start, startLine, startColumn);
                }

                if (!inSpec)
                {
                    return Fail("f-string: single '}' is not allowed", _line, _pos - _lineStart);
                }

                // The end of the replacement field that owns this format spec.
                _fstrings.RemoveAt(_fstrings.Count - 1);
                _brackets.RemoveAt(_brackets.Count - 1);
                _pos++;
                return new Token(TokenKind.RBrace, start, _pos, _line, startColumn, _line, startColumn + 1);
            }

            _pos++;
        }
    }

    private FStringFrame OwningLiteral()
    {
        for (int i = _fstrings.Count - 1; i >= 0; i--)
        {
            if (_fstrings[i].Mode == FStringMode.Literal)
            {
                return _fstrings[i];
            }
        }

        return _fstrings[0];
    }

    private Token Middle(int start, int startLine, int startColumn) =>
        new(TokenKind.FStringMiddle, start, _pos, startLine, startColumn, _line, _pos - _lineStart);

    private Token ScanNumber(int start, int column)
    {
        char c = _text[_pos];
        if (c == '0' && _pos + 1 < _text.Length && (_text[_pos + 1] | 0x20) is 'x' or 'o' or 'b')
        {
            char radix = (char)(_text[_pos + 1] | 0x20);
            _pos += 2;
            string name = radix switch { 'x' => "hexadecimal", 'o' => "octal", _ => "binary" };
            bool any = false;
            while (_pos < _text.Length)
            {
                char d = _text[_pos];
                if (d == '_')
                {
                    _pos++;
                    if (_pos >= _text.Length || !IsRadixDigit(_text[_pos], radix))
                    {
                        return Fail($"invalid {name} literal", _line, _pos - _lineStart);
                    }

                    continue;
                }

                if (!IsRadixDigit(d, radix))
                {
                    if (radix != 'x' && d is >= '0' and <= '9')
                    {
                        return Fail($"invalid digit '{d}' in {name} literal", _line, _pos - _lineStart);
                    }

                    break;
                }

                any = true;
                _pos++;
            }

            if (!any)
            {
                return Fail($"invalid {name} literal", _line, _pos - _lineStart);
            }

            return FinishNumber(start, column, name);
        }

        bool isFloat = false;
        int intStart = _pos;
        if (c != '.')
        {
            if (!ScanDigits())
            {
                return Fail("invalid decimal literal", _line, _pos - _lineStart);
            }
        }

        int intEnd = _pos;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            isFloat = true;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is >= '0' and <= '9' && !ScanDigits())
            {
                return Fail("invalid decimal literal", _line, _pos - _lineStart);
            }
        }

        if (_pos < _text.Length && (_text[_pos] | 0x20) == 'e')
        {
            int save = _pos;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] is >= '0' and <= '9')
            {
                isFloat = true;
                if (!ScanDigits())
                {
                    return Fail("invalid decimal literal", _line, _pos - _lineStart);
                }
            }
            else
            {
                _pos = save;
                return Fail("invalid decimal literal", _line, _pos - _lineStart);
            }
        }

        bool imaginary = false;
        if (_pos < _text.Length && (_text[_pos] | 0x20) == 'j')
        {
            imaginary = true;
            _pos++;
        }

        if (!isFloat && !imaginary && _text[intStart] == '0')
        {
            for (int i = intStart; i < intEnd; i++)
            {
                if (_text[i] is not ('0' or '_'))
                {
                    return Fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", _line, column);
                }
            }
        }

        return FinishNumber(start, column, imaginary ? "imaginary" : "decimal");
    }

    private bool ScanDigits()
    {
        while (_pos < _text.Length)
        {
            char d = _text[_pos];
            if (d is >= '0' and <= '9')
            {
                _pos++;
            }
            else if (d == '_')
            {
                _pos++;
                if (_pos >= _text.Length || _text[_pos] is not (>= '0' and <= '9'))
                {
                    return false;
                }
            }
            else
            {
                break;
            }
        }

        return true;
    }

    private static bool IsRadixDigit(char d, char radix) => radix switch
    {
        'x' => d is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F',
        'o' => d is >= '0' and <= '7',
        _ => d is '0' or '1',
    };

    // A number directly followed by a letter is an error, except before the keywords CPython tolerates
    // there ("1if x else y", "0x1for").
    private Token FinishNumber(int start, int column, string kindName)
    {
        if (_pos < _text.Length && (IsAsciiIdentifierStart(_text[_pos]) || (_text[_pos] >= 0x80 && IsUnicodeIdentifierStart(_pos))))
        {
            var rest = _text.AsSpan(_pos);
            bool allowed = rest.StartsWith("and") || rest.StartsWith("else") || rest.StartsWith("for") || rest.StartsWith("if")
                || rest.StartsWith("in") || rest.StartsWith("is") || rest.StartsWith("not") || rest.StartsWith("or");
            if (!allowed)
            {
                return Fail($"invalid {kindName} literal", _line, _pos - _lineStart);
            }
        }

        return new Token(TokenKind.Number, start, _pos, _line, column, _line, _pos - _lineStart);
    }

    private Token ScanOperator(int start, int column)
    {
        char c = _text[_pos];
        char n1 = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        char n2 = _pos + 2 < _text.Length ? _text[_pos + 2] : '\0';
        TokenKind kind;
        int length = 1;
        switch (c)
        {
            case '(' or '[' or '{':
                if (_brackets.Count >= MaxParenDepth)
                {
                    return Fail("too many nested parentheses", _line, column);
                }

                _brackets.Add(new OpenBracket(c, _line, column));
                kind = c == '(' ? TokenKind.LParen : c == '[' ? TokenKind.LBracket : TokenKind.LBrace;
                break;
            case ')' or ']' or '}':
                return CloseBracket(c, start, column);
            case ':':
                if (n1 == '=' && !AtFStringFieldLevel())
                {
                    kind = TokenKind.ColonEqual;
                    length = 2;
                }
                else
                {
                    kind = TokenKind.Colon;
                    if (AtFStringFieldLevel())
                    {
                        var frame = _fstrings[^1];
                        _fstrings[^1] = frame with { Mode = FStringMode.FormatSpec };
                    }
                }

                break;
            case ',':
                kind = TokenKind.Comma;
                break;
            case ';':
                kind = TokenKind.Semi;
                break;
            case '+':
                (kind, length) = n1 == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1);
                break;
            case '-':
                (kind, length) = n1 == '=' ? (TokenKind.MinusEqual, 2) : n1 == '>' ? (TokenKind.RArrow, 2) : (TokenKind.Minus, 1);
                break;
            case '*':
                if (n1 == '*')
                {
                    (kind, length) = n2 == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2);
                }
                else
                {
                    (kind, length) = n1 == '=' ? (TokenKind.StarEqual, 2) : (TokenKind.Star, 1);
                }

                break;
            case '/':
                if (n1 == '/')
                {
                    (kind, length) = n2 == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2);
                }
                else
                {
                    (kind, length) = n1 == '=' ? (TokenKind.SlashEqual, 2) : (TokenKind.Slash, 1);
                }

                break;
            case '|':
                (kind, length) = n1 == '=' ? (TokenKind.VBarEqual, 2) : (TokenKind.VBar, 1);
                break;
            case '&':
                (kind, length) = n1 == '=' ? (TokenKind.AmperEqual, 2) : (TokenKind.Amper, 1);
                break;
            case '<':
                if (n1 == '<')
                {
                    (kind, length) = n2 == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2);
                }
                else
                {
                    (kind, length) = n1 == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1);
                }

                break;
            case '>':
                if (n1 == '>')
                {
                    (kind, length) = n2 == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2);
                }
                else
                {
                    (kind, length) = n1 == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1);
                }

                break;
            case '=':
                (kind, length) = n1 == '=' ? (TokenKind.EqEqual, 2) : (TokenKind.Equal, 1);
                break;
            case '.':
                (kind, length) = n1 == '.' && n2 == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1);
                break;
            case '%':
                (kind, length) = n1 == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1);
                break;
            case '~':
                kind = TokenKind.Tilde;
                break;
            case '^':
                (kind, length) = n1 == '=' ? (TokenKind.CircumflexEqual, 2) : (TokenKind.Circumflex, 1);
                break;
            case '@':
                (kind, length) = n1 == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1);
                break;
            case '!':
                (kind, length) = n1 == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1);
                break;
            default:
                return InvalidCharacter(column);
        }

        _pos += length;
        return new Token(kind, start, _pos, _line, column, _line, column + length);
    }

    private bool AtFStringFieldLevel() =>
        _fstrings.Count > 0 && _fstrings[^1].Mode == FStringMode.Expression && _brackets.Count == _fstrings[^1].Depth + 1;

    private Token CloseBracket(char c, int start, int column)
    {
        if (_brackets.Count == 0)
        {
            return Fail($"unmatched '{c}'", _line, column);
        }

        var open = _brackets[^1];
        char expected = open.Char switch { '(' => ')', '[' => ']', _ => '}' };
        if (expected != c)
        {
            return open.Line == _line
                ? Fail($"closing parenthesis '{c}' does not match opening parenthesis '{open.Char}'", _line, column)
                : Fail($"closing parenthesis '{c}' does not match opening parenthesis '{open.Char}' on line {open.Line}", _line, column);
        }

        _brackets.RemoveAt(_brackets.Count - 1);
        if (_fstrings.Count > 0 && _fstrings[^1].Mode == FStringMode.Expression && _brackets.Count == _fstrings[^1].Depth)
        {
            _fstrings.RemoveAt(_fstrings.Count - 1);
        }

        _pos++;
        var kind = c == ')' ? TokenKind.RParen : c == ']' ? TokenKind.RBracket : TokenKind.RBrace;
        return new Token(kind, start, _pos, _line, column, _line, column + 1);
    }

    private Token InvalidCharacter(int column)
    {
        Rune.DecodeFromUtf16(_text.AsSpan(_pos), out var rune, out _);
        var category = Rune.GetUnicodeCategory(rune);
        bool printable = rune.Value >= 0x20 && category is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
        if (!printable)
        {
            return Fail($"invalid non-printable character U+{rune.Value:X4}", _line, column);
        }

        if (rune.Value < 0x80)
        {
            // '$', '?' and '`' are not Python characters; like CPython, the parser reports invalid syntax there.
            _pos++;
            return new Token(TokenKind.Unknown, _pos - 1, _pos, _line, column, _line, column + 1);
        }

        return Fail($"invalid character '{rune}' (U+{rune.Value:X4})", _line, column);
    }

    private readonly record struct OpenBracket(char Char, int Line, int Column);

    private readonly record struct FStringFrame(FStringMode Mode, char Quote, bool Triple, bool Raw, int Depth, int Line, int Column);
}
