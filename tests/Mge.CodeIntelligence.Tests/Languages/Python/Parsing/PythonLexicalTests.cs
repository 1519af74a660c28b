using System.Text;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.Python.Parsing;
using Py = Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Parsing;

/// <summary>Lexical rules: indentation, line ends, continuations, literals, encodings.</summary>
public sealed class PythonLexicalTests
{
    private static Diagnostic FirstError(string source)
    {
        var result = PythonParser.Parse(source);
        Assert.Null(result.Tree);
        return result.Diagnostics[0];
    }

    [Fact]
    public void TabsIndentToMultiplesOfEightAndMixingIsATabError()
    {
        Assert.Empty(PythonParser.Parse("if x:\n\tpass\n\tpass\n").Diagnostics);
        Assert.Empty(PythonParser.Parse("if x:\n        a = 1\nif y:\n\tb = 2\n").Diagnostics);
        var error = FirstError("if x:\n        a = 1\n\tb = 2\n");
        Assert.Equal("inconsistent use of tabs and spaces in indentation", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void IndentationErrorsMatchCPython()
    {
        Assert.Equal("unexpected indent", FirstError("a = 1\n    b = 2\n").Message);
        Assert.Equal("unindent does not match any outer indentation level", FirstError("if x:\n    a = 1\n  b = 2\n").Message);
        var missing = FirstError("def f():\nreturn 1\n");
        Assert.Equal("expected an indented block after function definition on line 1", missing.Message);
        Assert.Equal(2, missing.Line);
    }

    [Fact]
    public void LineEndingsBomFormFeedAndContinuations()
    {
        var module = PythonParser.Parse("\uFEFFx = (1,\r\n     2)\ry = 3 + \\\n    4\n\fz = 5\n").Tree;
        Assert.NotNull(module);
        Assert.Equal(3, module!.Body.Count);
        Assert.Equal(3, module.Body[1].Span.StartLine);
        Assert.Equal(5, module.Body[2].Span.StartLine);
        Assert.Equal("unexpected character after line continuation character", FirstError("x = 1 \\ 2\n").Message);
    }

    [Fact]
    public void StringPrefixesInAnyCase()
    {
        foreach (var prefix in new[] { "r", "R", "b", "B", "u", "U", "f", "F", "rb", "Br", "bR", "RB", "fr", "Rf", "fR", "RF" })
        {
            var result = PythonParser.Parse($"x = {prefix}'a'\n");
            Assert.True(result.Diagnostics.Count == 0, $"{prefix}: {string.Join(", ", result.Diagnostics)}");
        }

        Assert.NotEmpty(PythonParser.Parse("x = ub'a'\n").Diagnostics);
        Assert.NotEmpty(PythonParser.Parse("x = bf'a'\n").Diagnostics);
    }

    [Fact]
    public void StringEscapesDecode()
    {
        var value = ((Py.Constant)((Py.Assign)PythonParser.Parse("x = '\\t\\x41\\u00e9\\U0001F600\\101\\q\\\nend'\n").Tree!.Body[0]).Value).Value;
        Assert.Equal("\tAé\U0001F600A\\qend", value);
    }

    [Fact]
    public void UnterminatedStringsReportTheOpeningLine()
    {
        var single = FirstError("x = 1\ny = 'abc\nz = 2\n");
        Assert.Equal("unterminated string literal (detected at line 2)", single.Message);
        Assert.Equal((2, 5), (single.Line, single.Column));
        var triple = FirstError("x = \"\"\"abc\n\ndef\n");
        Assert.Equal(1, triple.Line);
        Assert.StartsWith("unterminated triple-quoted string literal", triple.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumericLiteralRules()
    {
        Assert.Empty(PythonParser.Parse("x = 1_000 + 0xFF_FF + 0o7_7 + 0b1_0 + 1.5j + .5 + 5. + 1e-3 + 00 + 1if 1 else 2\n").Diagnostics);
        Assert.Equal("invalid decimal literal", FirstError("x = 1_\n").Message);
        Assert.Equal("invalid decimal literal", FirstError("x = 1abc\n").Message);
        Assert.StartsWith("leading zeros in decimal integer literals", FirstError("x = 012\n").Message, StringComparison.Ordinal);
        Assert.Equal("invalid digit '8' in octal literal", FirstError("x = 0o8\n").Message);
    }

    [Fact]
    public void NonAsciiIdentifiersAndInvalidCharacters()
    {
        Assert.Empty(PythonParser.Parse("café = 1\nπ = café * 2\n变量 = π\n").Diagnostics);
        Assert.Equal("invalid character '€' (U+20AC)", FirstError("x = 1 € 2\n").Message);
        Assert.Equal("invalid non-printable character U+00A0", FirstError("x = 1\u00a0+ 2\n").Message);
    }

    [Fact]
    public void BracketErrorsMatchCPython()
    {
        var unclosed = FirstError("x = foo(1,\n  2\n");
        Assert.Equal("'(' was never closed", unclosed.Message);
        Assert.Equal((1, 8), (unclosed.Line, unclosed.Column));
        Assert.Equal("unmatched ')'", FirstError("x = 1)\n").Message);
        Assert.Equal("closing parenthesis ']' does not match opening parenthesis '('", FirstError("x = (1]\n").Message);
    }

    [Fact]
    public void Utf8EntryPointStripsBomAndReportsInvalidBytesAndNulBytes()
    {
        var ok = PythonParser.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("x = 'é'\n")]);
        Assert.True(ok.Success);
        var invalid = PythonParser.Parse(Encoding.UTF8.GetBytes("x = 1\ny = '").Concat(new byte[] { 0xFF, (byte)'\'', (byte)'\n' }).ToArray());
        Assert.Equal((2, 6), (invalid.Diagnostics[0].Line, invalid.Diagnostics[0].Column));
        Assert.Contains("can't decode byte 0xff", invalid.Diagnostics[0].Message, StringComparison.Ordinal);
        var nul = PythonParser.Parse(Encoding.UTF8.GetBytes("x = 1\0\n"));
        Assert.Equal("source code cannot contain null bytes", nul.Diagnostics[0].Message);
    }

    [Fact]
    public void MultipleIndependentErrorsAreReportedWithoutCascades()
    {
        var result = PythonParser.Parse("def f(x)\n    return x\n\nclass C\n    pass\n\ny = 1\n");
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal("expected ':'", result.Diagnostics[0].Message);
        Assert.Equal(1, result.Diagnostics[0].Line);
        Assert.Equal(4, result.Diagnostics[1].Line);
    }
}
