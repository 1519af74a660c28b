using System.Runtime.CompilerServices;
using System.Text;
using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>
/// A hand-written recursive-descent parser for the Python 3.12 grammar, producing the CPython-shaped tree
/// of <see cref="Syntax"/>. Errors are reported as <c>syntax</c> diagnostics (1-based line and column, the
/// first one close to where CPython reports); after an error the parser resumes at the next statement at
/// the same or lower indentation so that independent later errors are reported too. Nesting is bounded
/// (brackets 200 deep like CPython, indentation 100 levels, tree depth <see cref="MaxTreeDepth"/>), so
/// hostile input yields a diagnostic instead of a stack overflow.
/// </summary>
public sealed partial class PythonParser
{
    /// <summary>The deepest syntax tree the parser returns; deeper input gets a diagnostic.</summary>
    public const int MaxTreeDepth = 1000;

    private const int MaxDiagnostics = 100;
    private const int MaxExpressionRecursion = 800;

    private readonly string _text;
    private readonly PythonTokenizer _tokenizer;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly CancellationToken _cancellationToken;

    private Token[] _tokens = new Token[512];
    private int _count;
    private int _pos;
    private int _marks;
    private Token _cur;
    private Token _prev;
    private int _recursion;
    private int _folds;
    private bool _aborted;
    private BodyContext _context = new(false, false, false);

    private PythonParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
        _tokenizer = new PythonTokenizer(text, _diagnostics, cancellationToken);
        Fill();
        _cur = _tokens[0];
    }

    /// <summary>Parses Python source text.</summary>
    public static PythonParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = LineAndColumn(text, nul);
            return new PythonParseResult(null, [new Diagnostic(line, column, DiagnosticSeverity.Error, "syntax", "source code cannot contain null bytes")]);
        }

        var parser = new PythonParser(text, cancellationToken);
        return parser.ParseModule();
    }

    /// <summary>
    /// Parses UTF-8 encoded Python source. A leading BOM is dropped; invalid UTF-8 and NUL bytes yield a
    /// diagnostic at the offending byte's line and column (column counted in bytes, 1-based), like CPython.
    /// </summary>
    public static PythonParseResult Parse(ReadOnlySpan<byte> utf8, CancellationToken cancellationToken = default)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        int nul = utf8.IndexOf((byte)0);
        var decoded = new UTF8Encoding(false, true);
        try
        {
            var text = decoded.GetString(utf8);
            if (nul >= 0)
            {
                var (line, column) = ByteLineAndColumn(utf8, nul);
                return new PythonParseResult(null, [new Diagnostic(line, column, DiagnosticSeverity.Error, "syntax", "source code cannot contain null bytes")]);
            }

            return Parse(text, cancellationToken);
        }
        catch (DecoderFallbackException ex)
        {
            int index = ex.Index >= 0 ? ex.Index : FindInvalidUtf8(utf8);
            var (line, column) = ByteLineAndColumn(utf8, index);
            byte bad = index < utf8.Length ? utf8[index] : (byte)0;
            return new PythonParseResult(null, [new Diagnostic(line, column, DiagnosticSeverity.Error, "syntax",
                $"(unicode error) 'utf-8' codec can't decode byte 0x{bad:x2} in position {index}: invalid utf-8")]);
        }
    }

    private static int FindInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return utf8.Length;
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static (int Line, int Column) ByteLineAndColumn(ReadOnlySpan<byte> utf8, int index)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < utf8.Length; i++)
        {
            if (utf8[i] == '\n' || (utf8[i] == '\r' && (i + 1 >= utf8.Length || utf8[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private PythonParseResult ParseModule()
    {
        var start = _cur;
        List<Stmt> body;
        try
        {
            body = ParseStatements(topLevel: true);
        }
        catch (ParseException ex)
        {
            // Only a lexical failure or the diagnostic cap unwinds this far: the token stream has ended.
            if (!_aborted && !_tokenizer.Failed && _diagnostics.Count < MaxDiagnostics)
            {
                Report(ex);
            }

            return new PythonParseResult(null, _diagnostics);
        }

        CheckFutureImports(body);
        if (_diagnostics.Count > 0)
        {
            return new PythonParseResult(null, _diagnostics);
        }

        var module = new Module { Body = body };
        module.Span = body.Count > 0
            ? new TextSpan(0, _text.Length, 1, 0, _prev.EndLine, _prev.EndColumn)
            : new TextSpan(0, _text.Length, 1, 0, start.Line, start.Column);
        return new PythonParseResult(module, _diagnostics);
    }

    private static readonly HashSet<string> FutureFeatures = new(StringComparer.Ordinal)
    {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
        "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    };

    // CPython's compile() rejects misplaced or unknown __future__ imports; they change how a module compiles.
    private void CheckFutureImports(List<Stmt> body)
    {
        bool prologue = true;
        for (int i = 0; i < body.Count; i++)
        {
            var stmt = body[i];
            if (stmt is ImportFrom { Module: "__future__", Level: 0 } future)
            {
                int line = stmt.Span.StartLine, column = stmt.Span.StartColumn;
                if (!prologue)
                {
                    Report(new ParseException("from __future__ imports must occur at the beginning of the file", line, column));
                    return;
                }

                foreach (var alias in future.Names)
                {
                    if (alias.Name == "braces")
                    {
                        Report(new ParseException("not a chance", line, column));
                        return;
                    }

                    if (!FutureFeatures.Contains(alias.Name))
                    {
                        Report(new ParseException($"future feature {alias.Name} is not defined", line, column));
                        return;
                    }
                }

                continue;
            }

            bool docstring = i == 0 && stmt is ExprStmt { Value: Constant { Value: string } };
            if (!docstring)
            {
                prologue = false;
            }
        }
    }

    private void Report(ParseException ex) =>
        _diagnostics.Add(new Diagnostic(ex.Line, ex.Column + 1, DiagnosticSeverity.Error, "syntax", ex.Message));

    // ---- Token buffer -------------------------------------------------------------------------------

    private void Fill()
    {
        if (_count == _tokens.Length)
        {
            if (_marks == 0 && _pos > 0)
            {
                // Nothing can rewind before the current token: drop the consumed ones so that memory stays
                // bounded by the longest statement, not the file.
                int keep = _count - _pos;
                Array.Copy(_tokens, _pos, _tokens, 0, keep);
                _count = keep;
                _pos = 0;
            }
            else
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }
        }

        _tokens[_count++] = _tokenizer.Next();
    }

    private Token Peek(int ahead)
    {
        while (_pos + ahead >= _count)
        {
            Fill();
        }

        return _tokens[_pos + ahead];
    }

    private void Advance()
    {
        _prev = _cur;
        _pos++;
        if (_pos >= _count)
        {
            Fill();
        }

        _cur = _tokens[_pos];
    }

    private bool Accept(TokenKind kind)
    {
        if (_cur.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (_cur.Kind != kind)
        {
            throw ErrorExpected(what);
        }

        var token = _cur;
        Advance();
        return token;
    }

    private int Mark()
    {
        _marks++;
        return _pos;
    }

    private void Release() => _marks--;

    private void Reset(int mark)
    {
        _marks--;
        _pos = mark;
        _cur = _tokens[_pos];
        _prev = _pos > 0 ? _tokens[_pos - 1] : default;
    }

    private bool IsSoftKeyword(in Token token, string word) =>
        token.Kind == TokenKind.Name && token.End - token.Start == word.Length && _text.AsSpan(token.Start, word.Length).SequenceEqual(word);

    private string TokenText(in Token token) => _text.Substring(token.Start, token.End - token.Start);

    // ---- Errors -------------------------------------------------------------------------------------

    private ParseException Error(string message, in Token at) => new(message, at.Line, at.Column);

    private ParseException Error(string message, PyNode at) => new(message, at.Span.StartLine, at.Span.StartColumn);

    private ParseException ErrorExpected(string what)
    {
        if (_cur.Kind == TokenKind.Error)
        {
            return Error("invalid syntax", _cur);
        }

        if (_cur.Kind == TokenKind.Indent)
        {
            return Error("unexpected indent", _cur);
        }

        if (what.Length > 0 && what[0] == '\'')
        {
            // CPython points "expected ':'" just after the previous token.
            return new ParseException($"expected {what}", _prev.EndLine, _prev.EndColumn);
        }

        return InvalidSyntax();
    }

    private ParseException InvalidSyntax() =>
        _cur.Kind == TokenKind.Indent ? Error("unexpected indent", _cur) : Error("invalid syntax", _cur);

    private void EnterRecursion()
    {
        if (++_recursion > MaxExpressionRecursion || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _recursion = 0;
            throw Error("too many nested expressions", _cur);
        }
    }

    // ---- Spans --------------------------------------------------------------------------------------

    private TextSpan From(in Token start) =>
        new(start.Start, _prev.End, start.Line, start.Column, _prev.EndLine, _prev.EndColumn);

    private TextSpan From(PyNode start) =>
        new(start.Span.StartOffset, _prev.End, start.Span.StartLine, start.Span.StartColumn, _prev.EndLine, _prev.EndColumn);

    private static TextSpan TokenSpan(in Token token) =>
        new(token.Start, token.End, token.Line, token.Column, token.EndLine, token.EndColumn);

    /// <summary>What a statement may contain, for CPython's compile-time placement checks.</summary>
    private readonly record struct BodyContext(bool InFunction, bool InAsyncFunction, bool InLoop);
}
