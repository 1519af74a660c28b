using System.Globalization;
using System.Numerics;
using System.Text;
using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>String, bytes, f-string and number literals: concatenation, escapes, replacement fields.</summary>
public sealed partial class PythonParser
{
    /// <summary>Parses one or more adjacent string literals into a <see cref="Constant"/> or a <see cref="JoinedStr"/>.</summary>
    private Expr ParseStrings()
    {
        var start = _cur;
        if (_cur.Kind == TokenKind.String && Peek(1).Kind is not (TokenKind.String or TokenKind.FStringStart))
        {
            var only = _cur;
            Advance();
            var (value, isU) = DecodeString(only);
            return new Constant { Value = value, Kind = isU ? "u" : null, Span = TokenSpan(only) };
        }

        var parts = new List<Expr>();
        bool anyFString = false, anyBytes = false, anyText = false, firstIsU = false;
        var bytes = new List<byte>();
        var text = new StringBuilder();
        bool first = true;
        while (_cur.Kind is TokenKind.String or TokenKind.FStringStart)
        {
            var token = _cur;
            if (token.Kind == TokenKind.String)
            {
                Advance();
                var (value, isU) = DecodeString(token);
                if (first)
                {
                    firstIsU = isU;
                }

                if (value is byte[] b)
                {
                    anyBytes = true;
                    bytes.AddRange(b);
                }
                else
                {
                    anyText = true;
                    var s = (string)value;
                    text.Append(s);
                    AppendConstantPart(parts, s, TokenSpan(token));
                }
            }
            else
            {
                anyFString = true;
                anyText = true;
                ParseFString(parts);
            }

            if (anyBytes && anyText)
            {
                throw Error("cannot mix bytes and nonbytes literals", start);
            }

            first = false;
        }

        var span = From(start);
        if (anyBytes)
        {
            return new Constant { Value = bytes.ToArray(), Span = span };
        }

        if (!anyFString)
        {
            return new Constant { Value = text.ToString(), Kind = firstIsU ? "u" : null, Span = span };
        }

        return new JoinedStr { Values = parts, Span = span };
    }

    private static void AppendConstantPart(List<Expr> parts, string value, TextSpan span)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1] is Constant { Value: string previous } last)
        {
            parts[^1] = new Constant { Value = previous + value, Span = TextSpan.Cover(last.Span, span) };
            return;
        }

        parts.Add(new Constant { Value = value, Span = span });
    }

    private void ParseFString(List<Expr> parts)
    {
        var startToken = _cur;
        bool raw = _text.AsSpan(startToken.Start, startToken.End - startToken.Start).IndexOfAny('r', 'R') >= 0;
        Advance();
        while (true)
        {
            switch (_cur.Kind)
            {
                case TokenKind.FStringMiddle:
                    {
                        var middle = _cur;
                        Advance();
                        var value = DecodeBody(middle, _text.AsSpan(middle.Start, middle.End - middle.Start), raw, bytes: false, fstringLiteral: true);
                        AppendConstantPart(parts, value, TokenSpan(middle));
                        break;
                    }

                case TokenKind.LBrace:
                    ParseReplacementField(parts, raw);
                    break;
                case TokenKind.FStringEnd:
                    Advance();
                    return;
                default:
                    throw _cur.Kind == TokenKind.Error ? Error("invalid syntax", _cur) : Error("f-string: expecting '}'", _cur);
            }
        }
    }

    private void ParseReplacementField(List<Expr> parts, bool raw)
    {
        var open = _cur;
        Advance();
        if (_cur.Kind is TokenKind.RBrace or TokenKind.Exclamation or TokenKind.Colon or TokenKind.Equal)
        {
            throw Error($"f-string: valid expression required before '{_text[_cur.Start]}'", _cur);
        }

        var saved = _recursion;
        Expr expression = _cur.Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        _recursion = saved;
        if (_cur.Kind == TokenKind.Equal)
        {
            Advance();
            var debugText = _text.Substring(open.End, _cur.Start - open.End);
            AppendConstantPart(parts, debugText, new TextSpan(open.End, _cur.Start, open.EndLine, open.EndColumn, _cur.Line, _cur.Column));
            parts.Add(FinishReplacementField(open, expression, raw, debug: true));
            return;
        }

        parts.Add(FinishReplacementField(open, expression, raw, debug: false));
    }

    private FormattedValue FinishReplacementField(in Token open, Expr expression, bool raw, bool debug)
    {
        int conversion = -1;
        if (_cur.Kind == TokenKind.Exclamation)
        {
            var bang = _cur;
            Advance();
            if (_cur.Kind != TokenKind.Name || _cur.Start != bang.End)
            {
                throw Error("f-string: missing conversion character", _cur);
            }

            var name = TokenText(_cur);
            if (name is not ("s" or "r" or "a"))
            {
                throw Error($"f-string: invalid conversion character '{name}': expected 's', 'r', or 'a'", _cur);
            }

            conversion = name[0];
            Advance();
        }

        Expr? formatSpec = null;
        if (_cur.Kind == TokenKind.Colon)
        {
            var colon = _cur;
            Advance();
            var specParts = new List<Expr>();
            while (_cur.Kind != TokenKind.RBrace)
            {
                if (_cur.Kind == TokenKind.FStringMiddle)
                {
                    var middle = _cur;
                    Advance();
                    AppendConstantPart(specParts, DecodeBody(middle, _text.AsSpan(middle.Start, middle.End - middle.Start), raw, bytes: false, fstringLiteral: false), TokenSpan(middle));
                }
                else if (_cur.Kind == TokenKind.LBrace)
                {
                    ParseReplacementField(specParts, raw);
                }
                else
                {
                    throw Error("f-string: expecting '}'", _cur);
                }
            }

            formatSpec = new JoinedStr { Values = specParts, Span = new TextSpan(colon.End, _cur.Start, colon.EndLine, colon.EndColumn, _cur.Line, _cur.Column) };
        }

        if (_cur.Kind != TokenKind.RBrace)
        {
            throw Error("f-string: expecting '}'", _cur);
        }

        Advance();
        if (debug && conversion == -1 && formatSpec is null)
        {
            conversion = 'r';
        }

        return new FormattedValue { Value = expression, Conversion = conversion, FormatSpec = formatSpec, Span = From(open) };
    }

    /// <summary>Decodes a plain (non-f) string or bytes literal token.</summary>
    private (object Value, bool IsU) DecodeString(in Token token)
    {
        var span = _text.AsSpan(token.Start, token.End - token.Start);
        int prefix = 0;
        bool raw = false, bytes = false, isU = false;
        while (span[prefix] is not ('\'' or '"'))
        {
            switch (span[prefix] | 0x20)
            {
                case 'r': raw = true; break;
                case 'b': bytes = true; break;
                case 'u': isU = true; break;
            }

            prefix++;
        }

        char quote = span[prefix];
        int quoteLength = span.Length - prefix >= 6 && span[prefix + 1] == quote && span[prefix + 2] == quote ? 3 : 1;
        var body = span.Slice(prefix + quoteLength, span.Length - prefix - (2 * quoteLength));
        var decoded = DecodeBody(token, body, raw, bytes, fstringLiteral: false);
        if (bytes)
        {
            var result = new byte[decoded.Length];
            for (int i = 0; i < decoded.Length; i++)
            {
                result[i] = (byte)decoded[i];
            }

            return (result, false);
        }

        return (decoded, isU);
    }

    /// <summary>
    /// Processes escapes (unless raw) and, for f-string literal text, doubled braces. <c>\N{name}</c> escapes are
    /// kept as written: .NET has no Unicode name table, so the name is not resolved.
    /// </summary>
    private string DecodeBody(in Token token, ReadOnlySpan<char> body, bool raw, bool bytes, bool fstringLiteral)
    {
        if ((raw || body.IndexOf('\\') < 0) && (!fstringLiteral || body.IndexOfAny('{', '}') < 0) && body.IndexOf('\r') < 0)
        {
            return body.ToString();
        }

        var sb = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\r')
            {
                // Newlines inside literals are normalised to \n, as CPython's tokenizer does.
                sb.Append('\n');
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }

                continue;
            }

            if (fstringLiteral && (c == '{' || c == '}') && i + 1 < body.Length && body[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (c != '\\' || raw || i + 1 >= body.Length)
            {
                sb.Append(c);
                continue;
            }

            char e = body[++i];
            switch (e)
            {
                case '\n':
                    break;
                case '\r':
                    if (i + 1 < body.Length && body[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7')
                        {
                            value = (value * 8) + (body[++i] - '0');
                            digits++;
                        }

                        sb.Append((char)(bytes ? value & 0xFF : value));
                        break;
                    }

                case 'x':
                    sb.Append((char)ReadHex(token, body, ref i, 2, bytes ? "(value error) invalid \\x escape" : "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\xXX escape"));
                    break;
                case 'u' when !bytes:
                    sb.Append((char)ReadHex(token, body, ref i, 4, "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\uXXXX escape"));
                    break;
                case 'U' when !bytes:
                    {
                        int value = ReadHex(token, body, ref i, 8, "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\UXXXXXXXX escape");
                        if (value > 0x10FFFF)
                        {
                            throw Error("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", token);
                        }

                        sb.Append(char.ConvertFromUtf32(value is >= 0xD800 and <= 0xDFFF ? 0xFFFD : value));
                        break;
                    }

                case 'N' when !bytes && i + 1 < body.Length && body[i + 1] == '{':
                    {
                        int close = body[(i + 1)..].IndexOf('}');
                        if (close < 0)
                        {
                            throw Error("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", token);
                        }

                        sb.Append('\\').Append(body.Slice(i, close + 2));
                        i += close + 1;
                        break;
                    }

                default:
                    // Unknown escapes keep their backslash (CPython warns, but accepts them).
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return sb.ToString();
    }

    private int ReadHex(in Token token, ReadOnlySpan<char> body, ref int i, int digits, string message)
    {
        int value = 0;
        for (int k = 0; k < digits; k++)
        {
            int index = i + 1 + k;
            if (index >= body.Length || !char.IsAsciiHexDigit(body[index]))
            {
                throw Error(message, token);
            }

            value = (value * 16) + HexValue(body[index]);
        }

        i += digits;
        return value;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private object ParseNumber(in Token token)
    {
        var span = _text.AsSpan(token.Start, token.End - token.Start);
        string? withoutUnderscores = span.IndexOf('_') >= 0 ? span.ToString().Replace("_", string.Empty, StringComparison.Ordinal) : null;
        if (withoutUnderscores is not null)
        {
            span = withoutUnderscores;
        }

        char last = span[^1];
        if (last is 'j' or 'J')
        {
            return new Complex(0, double.Parse(span[..^1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (span.Length > 2 && span[0] == '0' && (span[1] | 0x20) is 'x' or 'o' or 'b')
        {
            int radix = (span[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            var digits = span[2..];
            if (digits.Length <= (radix == 16 ? 15 : radix == 8 ? 20 : 62))
            {
                long small = 0;
                foreach (var d in digits)
                {
                    small = (small * radix) + HexValue(d);
                }

                return small;
            }

            BigInteger big = BigInteger.Zero;
            foreach (var d in digits)
            {
                big = (big * radix) + HexValue(d);
            }

            return big;
        }

        if (span.IndexOfAny('.', 'e', 'E') >= 0)
        {
            return double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        return BigInteger.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
