using Mge.CodeIntelligence.Languages.Python.Syntax;
using Attribute = Mge.CodeIntelligence.Languages.Python.Syntax.Attribute;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>Expressions, from star-expression lists down to atoms; binary operators by precedence climbing.</summary>
public sealed partial class PythonParser
{
    /// <summary><c>star_expressions</c>: one expression, or a tuple when commas follow.</summary>
    private Expr ParseStarExpressions()
    {
        var start = _cur;
        var first = ParseStarExpression();
        if (_cur.Kind != TokenKind.Comma)
        {
            return first;
        }

        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!CanStartExpression(_cur.Kind))
            {
                break;
            }

            elts.Add(ParseStarExpression());
        }

        return new Syntax.Tuple { Elts = elts, Ctx = ExprContext.Load, Span = From(start) };
    }

    private Expr ParseStarExpression()
    {
        if (_cur.Kind == TokenKind.Star)
        {
            var star = _cur;
            Advance();
            var value = ParseBitwiseOr();
            return new Starred { Value = value, Ctx = ExprContext.Load, Span = From(star) };
        }

        return ParseExpression();
    }

    private Expr ParseStarNamedExpression()
    {
        if (_cur.Kind == TokenKind.Star)
        {
            var star = _cur;
            Advance();
            var value = ParseBitwiseOr();
            return new Starred { Value = value, Ctx = ExprContext.Load, Span = From(star) };
        }

        return ParseNamedExpression();
    }

    private static bool CanStartExpression(TokenKind kind) => kind switch
    {
        TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.FStringStart or TokenKind.LParen
            or TokenKind.LBracket or TokenKind.LBrace or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde
            or TokenKind.Not or TokenKind.Lambda or TokenKind.Await or TokenKind.None or TokenKind.True
            or TokenKind.False or TokenKind.Ellipsis or TokenKind.Star or TokenKind.Yield => true,
        _ => false,
    };

    /// <summary><c>named_expression</c>: <c>NAME := expression</c> or an expression.</summary>
    private Expr ParseNamedExpression()
    {
        if (_cur.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.ColonEqual)
        {
            var nameToken = _cur;
            Advance();
            Advance();
            var target = new Name { Id = TokenText(nameToken), Ctx = ExprContext.Store, Span = TokenSpan(nameToken) };
            var value = ParseExpression();
            return new NamedExpr { Target = target, Value = value, Span = From(nameToken) };
        }

        var expr = ParseExpression();
        if (_cur.Kind == TokenKind.ColonEqual)
        {
            throw Error($"cannot use assignment expressions with {Describe(expr)}", expr);
        }

        return expr;
    }

    /// <summary><c>expression</c>: a lambda, or a disjunction with an optional conditional.</summary>
    private Expr ParseExpression()
    {
        EnterRecursion();
        try
        {
            if (_cur.Kind == TokenKind.Lambda)
            {
                return ParseLambda();
            }

            var start = _cur;
            var body = ParseDisjunction();
            if (_cur.Kind != TokenKind.If)
            {
                return body;
            }

            Advance();
            var test = ParseDisjunction();
            if (_cur.Kind != TokenKind.Else)
            {
                throw Error("expected 'else' after 'if' expression", _cur);
            }

            Advance();
            var orelse = ParseExpression();
            return new IfExp { Test = test, Body = body, Orelse = orelse, Span = From(start) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Expr ParseLambda()
    {
        var start = _cur;
        Advance();
        var args = ParseParameters(TokenKind.Colon, allowAnnotations: false, start);
        Expect(TokenKind.Colon, "':'");
        var saved = _context;
        _context = new BodyContext(true, false, false);
        try
        {
            var body = ParseExpression();
            return new Lambda { Args = args, Body = body, Span = From(start) };
        }
        finally
        {
            _context = saved;
        }
    }

    private Expr ParseDisjunction()
    {
        var first = ParseConjunction();
        if (_cur.Kind != TokenKind.Or)
        {
            return first;
        }

        var values = new List<Expr> { first };
        while (Accept(TokenKind.Or))
        {
            values.Add(ParseConjunction());
        }

        return new BoolOp { Op = BoolOperator.Or, Values = values, Span = From(first) };
    }

    private Expr ParseConjunction()
    {
        var first = ParseInversion();
        if (_cur.Kind != TokenKind.And)
        {
            return first;
        }

        var values = new List<Expr> { first };
        while (Accept(TokenKind.And))
        {
            values.Add(ParseInversion());
        }

        return new BoolOp { Op = BoolOperator.And, Values = values, Span = From(first) };
    }

    private Expr ParseInversion()
    {
        if (_cur.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var start = _cur;
        Advance();
        EnterRecursion();
        try
        {
            var operand = ParseInversion();
            return new UnaryOp { Op = UnaryOperator.Not, Operand = operand, Span = From(start) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Expr ParseComparison()
    {
        var left = ParseBitwiseOr();
        List<CompareOperator>? ops = null;
        List<Expr>? comparators = null;
        while (true)
        {
            CompareOperator op;
            switch (_cur.Kind)
            {
                case TokenKind.EqEqual: op = CompareOperator.Eq; Advance(); break;
                case TokenKind.NotEqual: op = CompareOperator.NotEq; Advance(); break;
                case TokenKind.Less: op = CompareOperator.Lt; Advance(); break;
                case TokenKind.LessEqual: op = CompareOperator.LtE; Advance(); break;
                case TokenKind.Greater: op = CompareOperator.Gt; Advance(); break;
                case TokenKind.GreaterEqual: op = CompareOperator.GtE; Advance(); break;
                case TokenKind.In: op = CompareOperator.In; Advance(); break;
                case TokenKind.Is:
                    Advance();
                    op = Accept(TokenKind.Not) ? CompareOperator.IsNot : CompareOperator.Is;
                    break;
                case TokenKind.Not when Peek(1).Kind == TokenKind.In:
                    Advance();
                    Advance();
                    op = CompareOperator.NotIn;
                    break;
                default:
                    if (ops is null)
                    {
                        return left;
                    }

                    return new Compare { Left = left, Ops = ops, Comparators = comparators!, Span = From(left) };
            }

            ops ??= [];
            comparators ??= [];
            ops.Add(op);
            comparators.Add(ParseBitwiseOr());
        }
    }

    private static int BinaryPrecedence(TokenKind kind) => kind switch
    {
        TokenKind.VBar => 1,
        TokenKind.Circumflex => 2,
        TokenKind.Amper => 3,
        TokenKind.LeftShift or TokenKind.RightShift => 4,
        TokenKind.Plus or TokenKind.Minus => 5,
        TokenKind.Star or TokenKind.Slash or TokenKind.DoubleSlash or TokenKind.Percent or TokenKind.At => 6,
        _ => 0,
    };

    private static BinaryOperator BinaryOperatorOf(TokenKind kind) => kind switch
    {
        TokenKind.VBar => BinaryOperator.BitOr,
        TokenKind.Circumflex => BinaryOperator.BitXor,
        TokenKind.Amper => BinaryOperator.BitAnd,
        TokenKind.LeftShift => BinaryOperator.LShift,
        TokenKind.RightShift => BinaryOperator.RShift,
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Sub,
        TokenKind.Star => BinaryOperator.Mult,
        TokenKind.Slash => BinaryOperator.Div,
        TokenKind.DoubleSlash => BinaryOperator.FloorDiv,
        TokenKind.Percent => BinaryOperator.Mod,
        _ => BinaryOperator.MatMult,
    };

    /// <summary><c>bitwise_or</c> and everything below it down to <c>term</c>, by precedence climbing.</summary>
    private Expr ParseBitwiseOr() => ParseBinary(1);

    private Expr ParseBinary(int minPrecedence)
    {
        var left = ParseFactor();
        while (true)
        {
            int precedence = BinaryPrecedence(_cur.Kind);
            if (precedence < minPrecedence || precedence == 0)
            {
                return left;
            }

            var op = BinaryOperatorOf(_cur.Kind);
            Advance();
            EnterRecursion();
            Expr right;
            try
            {
                right = ParseBinary(precedence + 1);
            }
            finally
            {
                _recursion--;
            }

            _folds++;
            left = new BinOp { Left = left, Op = op, Right = right, Span = From(left) };
        }
    }

    private Expr ParseFactor()
    {
        UnaryOperator op;
        switch (_cur.Kind)
        {
            case TokenKind.Minus: op = UnaryOperator.USub; break;
            case TokenKind.Plus: op = UnaryOperator.UAdd; break;
            case TokenKind.Tilde: op = UnaryOperator.Invert; break;
            default: return ParsePower();
        }

        var start = _cur;
        Advance();
        EnterRecursion();
        try
        {
            var operand = ParseFactor();
            return new UnaryOp { Op = op, Operand = operand, Span = From(start) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Expr ParsePower()
    {
        var left = ParseAwaitPrimary();
        if (_cur.Kind != TokenKind.DoubleStar)
        {
            return left;
        }

        Advance();
        EnterRecursion();
        try
        {
            var right = ParseFactor();
            return new BinOp { Left = left, Op = BinaryOperator.Pow, Right = right, Span = From(left) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Expr ParseAwaitPrimary()
    {
        if (_cur.Kind != TokenKind.Await)
        {
            return ParsePrimary();
        }

        var start = _cur;
        Advance();
        EnterRecursion();
        try
        {
            var value = ParsePrimary();
            if (!_context.InAsyncFunction && _pendingAwait is null)
            {
                // Not an error yet: an enclosing generator expression may make it legal.
                _pendingAwait = start;
            }

            return new Await { Value = value, Span = From(start) };
        }
        finally
        {
            _recursion--;
        }
    }

    /// <summary>The first <c>await</c> outside an async function in the current statement, if any.</summary>
    private Token? _pendingAwait;

    // An await inside a generator expression makes it an asynchronous generator, legal in any function.
    private void ForgiveAwaitSince(int offset)
    {
        if (_pendingAwait is { } pending && pending.Start >= offset)
        {
            _pendingAwait = null;
        }
    }

    private void ThrowPendingAwait()
    {
        if (_pendingAwait is { } pending)
        {
            _pendingAwait = null;
            throw Error(_context.InFunction ? "'await' outside async function" : "'await' outside function", pending);
        }
    }

    private Expr ParsePrimary()
    {
        var expr = ParseAtom();
        while (true)
        {
            switch (_cur.Kind)
            {
                case TokenKind.Dot:
                    {
                        Advance();
                        var name = Expect(TokenKind.Name, "name");
                        _folds++;
                        expr = new Attribute { Value = expr, Attr = TokenText(name), Ctx = ExprContext.Load, Span = From(expr) };
                        break;
                    }

                case TokenKind.LParen:
                    {
                        var open = _cur;
                        Advance();
                        var (args, keywords) = ParseCallArguments(open);
                        Expect(TokenKind.RParen, "')'");
                        _folds++;
                        expr = new Call { Func = expr, Args = args, Keywords = keywords, Span = From(expr) };
                        break;
                    }

                case TokenKind.LBracket:
                    {
                        Advance();
                        var slice = ParseSlices();
                        Expect(TokenKind.RBracket, "']'");
                        _folds++;
                        expr = new Subscript { Value = expr, Slice = slice, Ctx = ExprContext.Load, Span = From(expr) };
                        break;
                    }

                default:
                    return expr;
            }
        }
    }

    private Expr ParseSlices()
    {
        var start = _cur;
        var first = ParseSlice();
        if (_cur.Kind != TokenKind.Comma)
        {
            return first;
        }

        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (_cur.Kind == TokenKind.RBracket)
            {
                break;
            }

            elts.Add(ParseSlice());
        }

        return new Syntax.Tuple { Elts = elts, Ctx = ExprContext.Load, Span = From(start) };
    }

    private Expr ParseSlice()
    {
        var start = _cur;
        Expr? lower = null;
        if (_cur.Kind == TokenKind.Star)
        {
            return ParseStarExpression();
        }

        if (_cur.Kind != TokenKind.Colon)
        {
            lower = ParseNamedExpression();
            if (_cur.Kind != TokenKind.Colon)
            {
                return lower;
            }
        }

        Advance();
        Expr? upper = null, step = null;
        if (_cur.Kind is not (TokenKind.Colon or TokenKind.Comma or TokenKind.RBracket))
        {
            upper = ParseExpression();
        }

        if (Accept(TokenKind.Colon) && _cur.Kind is not (TokenKind.Comma or TokenKind.RBracket))
        {
            step = ParseExpression();
        }

        return new Slice { Lower = lower, Upper = upper, Step = step, Span = From(start) };
    }

    private (List<Expr> Args, List<Keyword> Keywords) ParseCallArguments(in Token open)
    {
        var args = new List<Expr>();
        var keywords = new List<Keyword>();
        bool sawKeyword = false, sawDoubleStar = false;
        while (_cur.Kind != TokenKind.RParen)
        {
            var start = _cur;
            if (_cur.Kind == TokenKind.Star)
            {
                Advance();
                var value = ParseExpression();
                if (sawDoubleStar)
                {
                    throw Error("iterable argument unpacking follows keyword argument unpacking", start);
                }

                args.Add(new Starred { Value = value, Ctx = ExprContext.Load, Span = From(start) });
            }
            else if (_cur.Kind == TokenKind.DoubleStar)
            {
                Advance();
                var value = ParseExpression();
                sawDoubleStar = true;
                keywords.Add(new Keyword { Arg = null, Value = value, Span = From(start) });
            }
            else if (_cur.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.Equal)
            {
                var name = TokenText(_cur);
                Advance();
                Advance();
                var value = ParseExpression();
                foreach (var existing in keywords)
                {
                    if (existing.Arg == name)
                    {
                        throw Error($"keyword argument repeated: {name}", start);
                    }
                }

                sawKeyword = true;
                keywords.Add(new Keyword { Arg = name, Value = value, Span = From(start) });
            }
            else
            {
                var value = ParseNamedExpression();
                if (_cur.Kind is TokenKind.For or TokenKind.Async)
                {
                    var generators = ParseComprehensionClauses();
                    bool sole = args.Count == 0 && keywords.Count == 0 && _cur.Kind == TokenKind.RParen;
                    if (!sole)
                    {
                        throw Error("Generator expression must be parenthesized", value);
                    }

                    value = new GeneratorExp { Elt = value, Generators = generators, Span = new TextSpan(open.Start, _cur.End, open.Line, open.Column, _cur.EndLine, _cur.EndColumn) };
                    ForgiveAwaitSince(open.Start);
                }
                else if (_cur.Kind == TokenKind.Equal)
                {
                    throw Error("expression cannot contain assignment, perhaps you meant \"==\"?", value);
                }

                if (sawDoubleStar)
                {
                    throw Error("positional argument follows keyword argument unpacking", value);
                }

                if (sawKeyword)
                {
                    throw Error("positional argument follows keyword argument", value);
                }

                args.Add(value);
            }

            if (!Accept(TokenKind.Comma))
            {
                if (_cur.Kind != TokenKind.RParen && CanStartExpression(_cur.Kind))
                {
                    throw new ParseException("invalid syntax. Perhaps you forgot a comma?", start.Line, start.Column);
                }

                break;
            }
        }

        return (args, keywords);
    }

    private List<Comprehension> ParseComprehensionClauses()
    {
        var generators = new List<Comprehension>();
        while (_cur.Kind == TokenKind.For || (_cur.Kind == TokenKind.Async && Peek(1).Kind == TokenKind.For))
        {
            var start = _cur;
            bool isAsync = Accept(TokenKind.Async);
            Advance();
            var target = ParseStarTargets();
            Expect(TokenKind.In, "'in'");
            var iter = ParseDisjunction();
            var ifs = new List<Expr>();
            while (Accept(TokenKind.If))
            {
                ifs.Add(ParseDisjunction());
            }

            generators.Add(new Comprehension { Target = target, Iter = iter, Ifs = ifs, IsAsync = isAsync, Span = From(start) });
        }

        return generators;
    }

    private Expr ParseYieldExpression()
    {
        var start = _cur;
        Advance();
        if (!_context.InFunction)
        {
            throw Error("'yield' outside function", start);
        }

        if (Accept(TokenKind.From))
        {
            var value = ParseExpression();
            return new YieldFrom { Value = value, Span = From(start) };
        }

        Expr? yielded = null;
        if (CanStartExpression(_cur.Kind) && _cur.Kind != TokenKind.Yield)
        {
            yielded = ParseStarExpressions();
        }

        return new Yield { Value = yielded, Span = From(start) };
    }

    // ---- Atoms --------------------------------------------------------------------------------------

    private Expr ParseAtom()
    {
        var token = _cur;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Advance();
                return new Name { Id = TokenText(token), Ctx = ExprContext.Load, Span = TokenSpan(token) };
            case TokenKind.Number:
                Advance();
                return new Constant { Value = ParseNumber(token), Span = TokenSpan(token) };
            case TokenKind.String:
            case TokenKind.FStringStart:
                return ParseStrings();
            case TokenKind.True:
                Advance();
                return new Constant { Value = true, Span = TokenSpan(token) };
            case TokenKind.False:
                Advance();
                return new Constant { Value = false, Span = TokenSpan(token) };
            case TokenKind.None:
                Advance();
                return new Constant { Value = null, Span = TokenSpan(token) };
            case TokenKind.Ellipsis:
                Advance();
                return new Constant { Value = PyEllipsis.Instance, Span = TokenSpan(token) };
            case TokenKind.LParen:
                return ParseParenthesized();
            case TokenKind.LBracket:
                return ParseListDisplay();
            case TokenKind.LBrace:
                return ParseBraceDisplay();
            case TokenKind.Star:
                throw Error("can't use starred expression here", token);
            default:
                throw InvalidSyntax();
        }
    }

    private Expr ParseParenthesized()
    {
        var open = _cur;
        Advance();
        EnterRecursion();
        try
        {
            if (_cur.Kind == TokenKind.RParen)
            {
                Advance();
                return new Syntax.Tuple { Elts = [], Ctx = ExprContext.Load, Span = From(open) };
            }

            if (_cur.Kind == TokenKind.Yield)
            {
                var yield = ParseYieldExpression();
                Expect(TokenKind.RParen, "')'");
                return yield;
            }

            var first = ParseStarNamedExpression();
            if (_cur.Kind is TokenKind.For or TokenKind.Async)
            {
                if (first is Starred)
                {
                    throw Error("iterable unpacking cannot be used in comprehension", first);
                }

                var generators = ParseComprehensionClauses();
                Expect(TokenKind.RParen, "')'");
                ForgiveAwaitSince(open.Start);
                return new GeneratorExp { Elt = first, Generators = generators, Span = From(open) };
            }

            if (_cur.Kind == TokenKind.RParen)
            {
                Advance();
                if (first is Starred)
                {
                    throw Error("cannot use starred expression here", first);
                }

                return first;
            }

            if (_cur.Kind != TokenKind.Comma)
            {
                throw ClosingExpected(open, first, "')'");
            }

            var elts = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                if (_cur.Kind == TokenKind.RParen)
                {
                    break;
                }

                elts.Add(ParseStarNamedExpression());
            }

            if (_cur.Kind != TokenKind.RParen)
            {
                throw ClosingExpected(open, elts[^1], "')'");
            }

            Advance();
            return new Syntax.Tuple { Elts = elts, Ctx = ExprContext.Load, Span = From(open) };
        }
        finally
        {
            _recursion--;
        }
    }

    private ParseException ClosingExpected(in Token open, Expr last, string closer)
    {
        if (CanStartExpression(_cur.Kind) && _cur.Kind is not (TokenKind.Star or TokenKind.Minus or TokenKind.Plus))
        {
            return new ParseException("invalid syntax. Perhaps you forgot a comma?", last.Span.StartLine, last.Span.StartColumn);
        }

        if (_cur.Kind == TokenKind.Equal && last is not NamedExpr)
        {
            return Error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", last);
        }

        return _cur.Kind is TokenKind.Colon or TokenKind.Newline or TokenKind.EndOfFile
            ? Error($"'{_text[open.Start]}' was never closed", open)
            : InvalidSyntax();
    }

    private Expr ParseListDisplay()
    {
        var open = _cur;
        Advance();
        EnterRecursion();
        try
        {
            var elts = new List<Expr>();
            if (_cur.Kind != TokenKind.RBracket)
            {
                var first = ParseStarNamedExpression();
                if (_cur.Kind is TokenKind.For or TokenKind.Async)
                {
                    if (first is Starred)
                    {
                        throw Error("iterable unpacking cannot be used in comprehension", first);
                    }

                    var generators = ParseComprehensionClauses();
                    Expect(TokenKind.RBracket, "']'");
                    return new ListComp { Elt = first, Generators = generators, Span = From(open) };
                }

                elts.Add(first);
                while (Accept(TokenKind.Comma))
                {
                    if (_cur.Kind == TokenKind.RBracket)
                    {
                        break;
                    }

                    elts.Add(ParseStarNamedExpression());
                }
            }

            if (_cur.Kind != TokenKind.RBracket)
            {
                throw elts.Count > 0 ? ClosingExpected(open, elts[^1], "']'") : InvalidSyntax();
            }

            Advance();
            return new Syntax.List { Elts = elts, Ctx = ExprContext.Load, Span = From(open) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Expr ParseBraceDisplay()
    {
        var open = _cur;
        Advance();
        EnterRecursion();
        try
        {
            if (_cur.Kind == TokenKind.RBrace)
            {
                Advance();
                return new Dict { Keys = [], Values = [], Span = From(open) };
            }

            if (_cur.Kind == TokenKind.DoubleStar)
            {
                return ParseDictRest(open, new List<Expr?>(), new List<Expr>());
            }

            var first = ParseStarNamedExpression();
            if (_cur.Kind == TokenKind.Colon && first is not Starred)
            {
                Advance();
                var value = ParseExpression();
                if (_cur.Kind is TokenKind.For or TokenKind.Async)
                {
                    var generators = ParseComprehensionClauses();
                    Expect(TokenKind.RBrace, "'}'");
                    return new DictComp { Key = first, Value = value, Generators = generators, Span = From(open) };
                }

                var keys = new List<Expr?> { first };
                var values = new List<Expr> { value };
                if (!Accept(TokenKind.Comma))
                {
                    if (_cur.Kind != TokenKind.RBrace)
                    {
                        throw ClosingExpected(open, value, "'}'");
                    }

                    Advance();
                    return new Dict { Keys = keys, Values = values, Span = From(open) };
                }

                return ParseDictRest(open, keys, values);
            }

            if (_cur.Kind is TokenKind.For or TokenKind.Async)
            {
                if (first is Starred)
                {
                    throw Error("iterable unpacking cannot be used in comprehension", first);
                }

                var generators = ParseComprehensionClauses();
                Expect(TokenKind.RBrace, "'}'");
                return new SetComp { Elt = first, Generators = generators, Span = From(open) };
            }

            var elts = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                if (_cur.Kind == TokenKind.RBrace)
                {
                    break;
                }

                elts.Add(ParseStarNamedExpression());
            }

            if (_cur.Kind != TokenKind.RBrace)
            {
                throw ClosingExpected(open, elts[^1], "'}'");
            }

            Advance();
            return new Set { Elts = elts, Span = From(open) };
        }
        finally
        {
            _recursion--;
        }
    }

    private Expr ParseDictRest(in Token open, List<Expr?> keys, List<Expr> values)
    {
        while (_cur.Kind != TokenKind.RBrace)
        {
            if (Accept(TokenKind.DoubleStar))
            {
                keys.Add(null);
                values.Add(ParseBitwiseOr());
            }
            else
            {
                var key = ParseExpression();
                if (_cur.Kind != TokenKind.Colon)
                {
                    throw _cur.Kind is TokenKind.Comma or TokenKind.RBrace
                        ? Error("':' expected after dictionary key", _cur)
                        : ClosingExpected(open, key, "'}'");
                }

                Advance();
                keys.Add(key);
                values.Add(ParseExpression());
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (_cur.Kind != TokenKind.RBrace)
        {
            throw values.Count > 0 ? ClosingExpected(open, values[^1], "'}'") : InvalidSyntax();
        }

        Advance();
        return new Dict { Keys = keys, Values = values, Span = From(open) };
    }

    // ---- Parameters ---------------------------------------------------------------------------------

    private Arguments ParseParameters(TokenKind terminator, bool allowAnnotations, in Token open)
    {
        var posOnly = new List<Arg>();
        var args = new List<Arg>();
        var kwOnly = new List<Arg>();
        var kwDefaults = new List<Expr?>();
        var defaults = new List<Expr>();
        Arg? vararg = null, kwarg = null;
        bool sawStar = false, sawSlash = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var start = _cur;
        int firstOffset = _cur.Start;

        while (_cur.Kind != terminator)
        {
            var itemStart = _cur;
            if (kwarg is not null)
            {
                throw Error("arguments cannot follow var-keyword argument", _cur);
            }

            if (Accept(TokenKind.Slash))
            {
                if (sawSlash)
                {
                    throw Error("/ may appear only once", itemStart);
                }

                if (sawStar)
                {
                    throw Error("/ must be ahead of *", itemStart);
                }

                if (args.Count == 0)
                {
                    throw Error("at least one argument must precede /", itemStart);
                }

                sawSlash = true;
                posOnly.AddRange(args);
                args.Clear();
            }
            else if (Accept(TokenKind.Star))
            {
                if (sawStar)
                {
                    throw Error("* argument may appear only once", itemStart);
                }

                sawStar = true;
                if (_cur.Kind == TokenKind.Name)
                {
                    vararg = ParseParameter(allowAnnotations, allowStarAnnotation: true, names);
                    if (_cur.Kind == TokenKind.Equal)
                    {
                        throw Error("var-positional argument cannot have default value", _cur);
                    }
                }
                else if (_cur.Kind == terminator || (_cur.Kind == TokenKind.Comma && Peek(1).Kind == terminator))
                {
                    throw Error("named arguments must follow bare *", itemStart);
                }
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                kwarg = ParseParameter(allowAnnotations, allowStarAnnotation: false, names);
                if (_cur.Kind == TokenKind.Equal)
                {
                    throw Error("var-keyword argument cannot have default value", _cur);
                }
            }
            else if (_cur.Kind == TokenKind.Name)
            {
                var arg = ParseParameter(allowAnnotations, allowStarAnnotation: false, names);
                Expr? defaultValue = null;
                if (Accept(TokenKind.Equal))
                {
                    defaultValue = ParseExpression();
                }

                if (sawStar)
                {
                    kwOnly.Add(arg);
                    kwDefaults.Add(defaultValue);
                }
                else
                {
                    if (defaultValue is not null)
                    {
                        defaults.Add(defaultValue);
                    }
                    else if (defaults.Count > 0)
                    {
                        throw Error("parameter without a default follows parameter with a default", itemStart);
                    }

                    args.Add(arg);
                }
            }
            else
            {
                throw _cur.Kind == TokenKind.LParen && allowAnnotations
                    ? Error("Function parameters cannot be parenthesized", _cur)
                    : InvalidSyntax();
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (_cur.Kind != terminator)
        {
            if (terminator == TokenKind.RParen && _cur.Kind is TokenKind.Colon or TokenKind.Newline or TokenKind.EndOfFile)
            {
                throw Error("'(' was never closed", open);
            }

            throw InvalidSyntax();
        }

        var span = _pos > 0 && _cur.Start > firstOffset && _prev.End > firstOffset
            ? From(start)
            : new TextSpan(_cur.Start, _cur.Start, _cur.Line, _cur.Column, _cur.Line, _cur.Column);
        return new Arguments
        {
            Posonlyargs = posOnly, Args = args, Vararg = vararg, Kwonlyargs = kwOnly, KwDefaults = kwDefaults,
            Kwarg = kwarg, Defaults = defaults, Span = span,
        };
    }

    private Arg ParseParameter(bool allowAnnotations, bool allowStarAnnotation, HashSet<string> names)
    {
        var nameToken = Expect(TokenKind.Name, "name");
        var name = TokenText(nameToken);
        if (!names.Add(name))
        {
            throw Error($"duplicate argument '{name}' in function definition", nameToken);
        }

        Expr? annotation = null;
        if (allowAnnotations && Accept(TokenKind.Colon))
        {
            annotation = allowStarAnnotation && _cur.Kind == TokenKind.Star ? ParseStarExpression() : ParseExpression();
        }

        return new Arg { Name = name, Annotation = annotation, Span = From(nameToken) };
    }
}
