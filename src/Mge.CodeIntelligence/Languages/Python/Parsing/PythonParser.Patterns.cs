using Mge.CodeIntelligence.Languages.Python.Syntax;
using Attribute = Mge.CodeIntelligence.Languages.Python.Syntax.Attribute;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>The <c>match</c> statement (a soft keyword, recognised by trying its header) and its patterns.</summary>
public sealed partial class PythonParser
{
    private Stmt? TryParseMatch()
    {
        var next = Peek(1).Kind;
        if (next is TokenKind.Equal or TokenKind.Dot or TokenKind.Newline or TokenKind.EndOfFile or TokenKind.Semi
            or TokenKind.Colon or TokenKind.Comma or TokenKind.RParen || AugmentedOperator(next) is not null)
        {
            return null;
        }

        var start = _cur;
        int mark = Mark();
        int savedRecursion = _recursion;
        Expr subject;
        try
        {
            Advance();
            var first = ParseStarNamedExpression();
            if (_cur.Kind == TokenKind.Comma)
            {
                var elts = new List<Expr> { first };
                while (Accept(TokenKind.Comma) && _cur.Kind != TokenKind.Colon)
                {
                    elts.Add(ParseStarNamedExpression());
                }

                subject = new Syntax.Tuple { Elts = elts, Ctx = ExprContext.Load, Span = From(first) };
            }
            else
            {
                subject = first;
            }

            if (_cur.Kind != TokenKind.Colon)
            {
                Reset(mark);
                return null;
            }
        }
        catch (ParseException) when (!_tokenizer.Failed)
        {
            _recursion = savedRecursion;
            Reset(mark);
            return null;
        }

        Release();
        Advance();
        Expect(TokenKind.Newline, "newline");
        if (_cur.Kind != TokenKind.Indent)
        {
            throw Error($"expected an indented block after 'match' statement on line {start.Line}", _cur);
        }

        Advance();
        var cases = new List<MatchCase>();
        while (_cur.Kind != TokenKind.Dedent && _cur.Kind != TokenKind.EndOfFile)
        {
            if (!IsSoftKeyword(_cur, "case"))
            {
                throw InvalidSyntax();
            }

            cases.Add(ParseCase());
        }

        Accept(TokenKind.Dedent);
        return new Match { Subject = subject, Cases = cases, Span = BlockSpan(start) };
    }

    private MatchCase ParseCase()
    {
        var caseToken = _cur;
        Advance();
        var pattern = ParseOpenSequencePattern();
        Expr? guard = null;
        if (Accept(TokenKind.If))
        {
            guard = ParseNamedExpression();
        }

        var body = ParseBlock(caseToken, "'case' statement");
        return new MatchCase { Pattern = pattern, Guard = guard, Body = body, Span = BlockSpan(caseToken) };
    }

    private Pattern ParseOpenSequencePattern()
    {
        var start = _cur;
        var first = ParseMaybeStarPattern();
        if (_cur.Kind != TokenKind.Comma)
        {
            if (first is MatchStar)
            {
                return new MatchSequence { Patterns = [first], Span = From(start) };
            }

            return first;
        }

        var patterns = new List<Pattern> { first };
        while (Accept(TokenKind.Comma))
        {
            if (_cur.Kind is TokenKind.Colon or TokenKind.If)
            {
                break;
            }

            patterns.Add(ParseMaybeStarPattern());
        }

        return new MatchSequence { Patterns = patterns, Span = From(start) };
    }

    private Pattern ParseMaybeStarPattern()
    {
        if (_cur.Kind != TokenKind.Star)
        {
            return ParsePattern();
        }

        var star = _cur;
        Advance();
        var name = TokenText(Expect(TokenKind.Name, "name"));
        return new MatchStar { Name = name == "_" ? null : name, Span = From(star) };
    }

    private Pattern ParsePattern()
    {
        EnterRecursion();
        try
        {
            var start = _cur;
            var or = ParseOrPattern();
            if (!Accept(TokenKind.As))
            {
                return or;
            }

            var nameToken = Expect(TokenKind.Name, "name");
            var name = TokenText(nameToken);
            if (name == "_")
            {
                throw Error("cannot use '_' as a target", nameToken);
            }

            return new MatchAs { Pattern = or, Name = name, Span = From(start) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Pattern ParseOrPattern()
    {
        var start = _cur;
        var first = ParseClosedPattern();
        if (_cur.Kind != TokenKind.VBar)
        {
            return first;
        }

        var patterns = new List<Pattern> { first };
        while (Accept(TokenKind.VBar))
        {
            patterns.Add(ParseClosedPattern());
        }

        return new MatchOr { Patterns = patterns, Span = From(start) };
    }

    private Pattern ParseClosedPattern()
    {
        var start = _cur;
        switch (_cur.Kind)
        {
            case TokenKind.Number or TokenKind.Minus:
                return new MatchValue { Value = ParseSignedNumberPattern(), Span = From(start) };
            case TokenKind.String:
                return new MatchValue { Value = ParseStrings(), Span = From(start) };
            case TokenKind.FStringStart:
                throw Error("patterns may only match literals and attribute lookups", _cur);
            case TokenKind.None:
                Advance();
                return new MatchSingleton { Value = null, Span = From(start) };
            case TokenKind.True:
                Advance();
                return new MatchSingleton { Value = true, Span = From(start) };
            case TokenKind.False:
                Advance();
                return new MatchSingleton { Value = false, Span = From(start) };
            case TokenKind.Name:
                return ParseNamePattern();
            case TokenKind.LParen:
                {
                    Advance();
                    if (Accept(TokenKind.RParen))
                    {
                        return new MatchSequence { Patterns = [], Span = From(start) };
                    }

                    var first = ParseMaybeStarPattern();
                    if (Accept(TokenKind.RParen))
                    {
                        if (first is MatchStar)
                        {
                            return new MatchSequence { Patterns = [first], Span = From(start) };
                        }

                        return first;
                    }

                    var patterns = new List<Pattern> { first };
                    while (Accept(TokenKind.Comma) && _cur.Kind != TokenKind.RParen)
                    {
                        patterns.Add(ParseMaybeStarPattern());
                    }

                    Expect(TokenKind.RParen, "')'");
                    return new MatchSequence { Patterns = patterns, Span = From(start) };
                }

            case TokenKind.LBracket:
                {
                    Advance();
                    var patterns = new List<Pattern>();
                    while (_cur.Kind != TokenKind.RBracket)
                    {
                        patterns.Add(ParseMaybeStarPattern());
                        if (!Accept(TokenKind.Comma))
                        {
                            break;
                        }
                    }

                    Expect(TokenKind.RBracket, "']'");
                    return new MatchSequence { Patterns = patterns, Span = From(start) };
                }

            case TokenKind.LBrace:
                return ParseMappingPattern();
            default:
                throw InvalidSyntax();
        }
    }

    private Expr ParseSignedNumberPattern()
    {
        var start = _cur;
        Expr value;
        if (Accept(TokenKind.Minus))
        {
            var number = Expect(TokenKind.Number, "number");
            var operand = new Constant { Value = ParseNumber(number), Span = TokenSpan(number) };
            value = new UnaryOp { Op = UnaryOperator.USub, Operand = operand, Span = From(start) };
        }
        else
        {
            var number = Expect(TokenKind.Number, "number");
            value = new Constant { Value = ParseNumber(number), Span = TokenSpan(number) };
        }

        if (_cur.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = _cur.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Sub;
            Advance();
            var imaginaryToken = Expect(TokenKind.Number, "number");
            var imaginary = ParseNumber(imaginaryToken);
            if (imaginary is not System.Numerics.Complex)
            {
                throw Error("imaginary number required in complex literal", imaginaryToken);
            }

            var right = new Constant { Value = imaginary, Span = TokenSpan(imaginaryToken) };
            value = new BinOp { Left = value, Op = op, Right = right, Span = From(start) };
        }

        return value;
    }

    private Pattern ParseNamePattern()
    {
        var start = _cur;
        Advance();
        Expr nameExpr = new Name { Id = TokenText(start), Ctx = ExprContext.Load, Span = TokenSpan(start) };
        bool dotted = false;
        while (Accept(TokenKind.Dot))
        {
            var attr = Expect(TokenKind.Name, "name");
            nameExpr = new Attribute { Value = nameExpr, Attr = TokenText(attr), Ctx = ExprContext.Load, Span = From(start) };
            dotted = true;
        }

        if (_cur.Kind == TokenKind.LParen)
        {
            return ParseClassPattern(nameExpr, start);
        }

        if (dotted)
        {
            return new MatchValue { Value = nameExpr, Span = From(start) };
        }

        var id = ((Name)nameExpr).Id;
        return new MatchAs { Pattern = null, Name = id == "_" ? null : id, Span = From(start) };
    }

    private Pattern ParseClassPattern(Expr cls, in Token start)
    {
        Advance();
        var patterns = new List<Pattern>();
        var kwdAttrs = new List<string>();
        var kwdPatterns = new List<Pattern>();
        while (_cur.Kind != TokenKind.RParen)
        {
            if (_cur.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.Equal)
            {
                kwdAttrs.Add(TokenText(_cur));
                Advance();
                Advance();
                kwdPatterns.Add(ParsePattern());
            }
            else
            {
                var pattern = ParsePattern();
                if (kwdPatterns.Count > 0)
                {
                    throw Error("positional patterns follow keyword patterns", pattern);
                }

                patterns.Add(pattern);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RParen, "')'");
        return new MatchClass { Cls = cls, Patterns = patterns, KwdAttrs = kwdAttrs, KwdPatterns = kwdPatterns, Span = From(start) };
    }

    private Pattern ParseMappingPattern()
    {
        var start = _cur;
        Advance();
        var keys = new List<Expr>();
        var patterns = new List<Pattern>();
        string? rest = null;
        while (_cur.Kind != TokenKind.RBrace)
        {
            if (Accept(TokenKind.DoubleStar))
            {
                rest = TokenText(Expect(TokenKind.Name, "name"));
                Accept(TokenKind.Comma);
                break;
            }

            keys.Add(ParseMappingKey());
            Expect(TokenKind.Colon, "':'");
            patterns.Add(ParsePattern());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RBrace, "'}'");
        return new MatchMapping { Keys = keys, Patterns = patterns, Rest = rest, Span = From(start) };
    }

    private Expr ParseMappingKey()
    {
        var start = _cur;
        switch (_cur.Kind)
        {
            case TokenKind.Number or TokenKind.Minus:
                return ParseSignedNumberPattern();
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.None:
                Advance();
                return new Constant { Value = null, Span = From(start) };
            case TokenKind.True:
                Advance();
                return new Constant { Value = true, Span = From(start) };
            case TokenKind.False:
                Advance();
                return new Constant { Value = false, Span = From(start) };
            case TokenKind.Name:
                {
                    Advance();
                    Expr value = new Name { Id = TokenText(start), Ctx = ExprContext.Load, Span = TokenSpan(start) };
                    bool dotted = false;
                    while (Accept(TokenKind.Dot))
                    {
                        var attr = Expect(TokenKind.Name, "name");
                        value = new Attribute { Value = value, Attr = TokenText(attr), Ctx = ExprContext.Load, Span = From(start) };
                        dotted = true;
                    }

                    if (!dotted)
                    {
                        throw Error("mapping pattern keys may only match literals and attribute lookups", start);
                    }

                    return value;
                }

            default:
                throw InvalidSyntax();
        }
    }
}
