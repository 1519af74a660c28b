using Mge.CodeIntelligence.Languages.Python.Syntax;
using Attribute = Mge.CodeIntelligence.Languages.Python.Syntax.Attribute;

namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>Statements: blocks, simple and compound statements, error recovery.</summary>
public sealed partial class PythonParser
{
    private List<Stmt> ParseStatements(bool topLevel)
    {
        var body = new List<Stmt>();
        while (true)
        {
            if (_cur.Kind == TokenKind.EndOfFile || (!topLevel && _cur.Kind == TokenKind.Dedent))
            {
                return body;
            }

            int before = _pos;
            try
            {
                ParseStatementInto(body);
            }
            catch (ParseException ex) when (!_aborted && !_tokenizer.Failed && _diagnostics.Count < MaxDiagnostics - 1)
            {
                // CPython reports a bare unexpected indent as it is, without looking further.
                if (_diagnostics.Count == 0 && ex.Message != "unexpected indent" && _tokenizer.FindLexicalErrorInRest() is { } lexical
                    && (lexical.UnclosedBracketLine == 0 || ex.Line > lexical.UnclosedBracketLine))
                {
                    // Like CPython: a lexical error anywhere later in the file explains the parse error better
                    // (an unclosed string or bracket derails everything after it).
                    _diagnostics.Add(lexical.Error);
                    _aborted = true;
                    throw;
                }

                Report(ex);
                _pendingAwait = null;
                Recover(before);
            }

            if (_tokenizer.Failed)
            {
                // The tokenizer's diagnostic is already recorded; the rest of the stream is gone.
                throw new ParseException("tokenizer failed", 0, 0);
            }
        }
    }

    /// <summary>Skips the rest of a broken statement, and the block it would have opened.</summary>
    private void Recover(int statementStart)
    {
        _recursion = 0;
        while (_cur.Kind is not (TokenKind.Newline or TokenKind.EndOfFile or TokenKind.Dedent or TokenKind.Indent))
        {
            Advance();
        }

        if (_cur.Kind == TokenKind.Newline)
        {
            Advance();
        }

        if (_cur.Kind == TokenKind.Indent)
        {
            SkipBlock();
        }

        if (_pos == statementStart && _cur.Kind is not (TokenKind.EndOfFile or TokenKind.Dedent))
        {
            Advance();
        }
    }

    private void SkipBlock()
    {
        int depth = 0;
        do
        {
            if (_cur.Kind == TokenKind.Indent)
            {
                depth++;
            }
            else if (_cur.Kind == TokenKind.Dedent)
            {
                depth--;
            }
            else if (_cur.Kind == TokenKind.EndOfFile)
            {
                return;
            }

            Advance();
        }
        while (depth > 0);
    }

    private void ParseStatementInto(List<Stmt> body)
    {
        int foldsBefore = _folds;
        int countBefore = body.Count;
        switch (_cur.Kind)
        {
            case TokenKind.Indent:
                throw Error("unexpected indent", _cur);
            case TokenKind.Def:
            case TokenKind.Class:
            case TokenKind.At:
            case TokenKind.If:
            case TokenKind.While:
            case TokenKind.For:
            case TokenKind.Try:
            case TokenKind.With:
            case TokenKind.Async:
                body.Add(ParseCompoundStatement());
                break;
            case TokenKind.Name when IsSoftKeyword(_cur, "match") && TryParseMatch() is { } match:
                body.Add(match);
                break;
            default:
                ParseSimpleStatements(body);
                break;
        }

        if (_folds - foldsBefore > 200)
        {
            for (int i = countBefore; i < body.Count; i++)
            {
                CheckTreeDepth(body[i]);
            }
        }
    }

    // Long left-associative chains ("a + b + c ...") nest without recursion in the parser; checking their
    // height here keeps every tree walkable by a recursive walker.
    private void CheckTreeDepth(PyNode root)
    {
        var stack = new Stack<(PyNode Node, int Depth)>();
        stack.Push((root, 1));
        var children = new List<PyNode>();
        var collector = new ChildCollector(children);
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxTreeDepth)
            {
                throw Error("too many nested expressions", node);
            }

            children.Clear();
            node.VisitChildren(collector);
            foreach (var child in children)
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private void ParseSimpleStatements(List<Stmt> body)
    {
        while (true)
        {
            body.Add(ParseSimpleStatement());
            ThrowPendingAwait();
            _blockEnd = _prev;
            if (_cur.Kind == TokenKind.Semi)
            {
                Advance();
                if (_cur.Kind is TokenKind.Newline or TokenKind.EndOfFile)
                {
                    break;
                }

                continue;
            }

            break;
        }

        if (_cur.Kind == TokenKind.Newline)
        {
            Advance();
            return;
        }

        if (_cur.Kind == TokenKind.EndOfFile)
        {
            return;
        }

        throw InvalidSyntax();
    }

    private Stmt ParseSimpleStatement()
    {
        var start = _cur;
        switch (_cur.Kind)
        {
            case TokenKind.Pass:
                Advance();
                return new Pass { Span = From(start) };
            case TokenKind.Break:
                Advance();
                if (!_context.InLoop)
                {
                    throw Error("'break' outside loop", start);
                }

                return new Break { Span = From(start) };
            case TokenKind.Continue:
                Advance();
                if (!_context.InLoop)
                {
                    throw Error("'continue' not properly in loop", start);
                }

                return new Continue { Span = From(start) };
            case TokenKind.Return:
                {
                    Advance();
                    Expr? value = AtStatementEnd() ? null : ParseStarExpressions();
                    if (!_context.InFunction)
                    {
                        throw Error("'return' outside function", start);
                    }

                    return new Return { Value = value, Span = From(start) };
                }

            case TokenKind.Raise:
                {
                    Advance();
                    Expr? exc = null, cause = null;
                    if (!AtStatementEnd())
                    {
                        exc = ParseExpression();
                        if (Accept(TokenKind.From))
                        {
                            cause = ParseExpression();
                        }
                    }

                    return new Raise { Exc = exc, Cause = cause, Span = From(start) };
                }

            case TokenKind.Global:
            case TokenKind.Nonlocal:
                {
                    bool global = _cur.Kind == TokenKind.Global;
                    Advance();
                    var names = new List<string>();
                    do
                    {
                        names.Add(TokenText(Expect(TokenKind.Name, "name")));
                    }
                    while (Accept(TokenKind.Comma));
                    if (global)
                    {
                        return new Global { Names = names, Span = From(start) };
                    }

                    if (!_context.InFunction && !_inClassBody)
                    {
                        throw Error("nonlocal declaration not allowed at module level", start);
                    }

                    return new Nonlocal { Names = names, Span = From(start) };
                }

            case TokenKind.Del:
                {
                    Advance();
                    var targets = new List<Expr>();
                    do
                    {
                        if (AtStatementEnd())
                        {
                            break;
                        }

                        var target = ParseBitwiseOr();
                        SetContext(target, ExprContext.Del);
                        targets.Add(target);
                    }
                    while (Accept(TokenKind.Comma));
                    if (targets.Count == 0)
                    {
                        throw InvalidSyntax();
                    }

                    return new Delete { Targets = targets, Span = From(start) };
                }

            case TokenKind.Assert:
                {
                    Advance();
                    var test = ParseExpression();
                    Expr? msg = Accept(TokenKind.Comma) ? ParseExpression() : null;
                    return new Assert { Test = test, Msg = msg, Span = From(start) };
                }

            case TokenKind.Import:
                return ParseImport();
            case TokenKind.From:
                return ParseFromImport();
            case TokenKind.Name when IsSoftKeyword(_cur, "type") && Peek(1).Kind == TokenKind.Name && Peek(2).Kind is TokenKind.Equal or TokenKind.LBracket:
                return ParseTypeAlias();
            default:
                return ParseExpressionStatement();
        }
    }

    private bool _inClassBody;

    /// <summary>The last token of the most recent simple statement: where an enclosing block ends.</summary>
    private Token _blockEnd;

    private TextSpan BlockSpan(in Token start) =>
        new(start.Start, _blockEnd.End, start.Line, start.Column, _blockEnd.EndLine, _blockEnd.EndColumn);

    private bool AtStatementEnd() => _cur.Kind is TokenKind.Newline or TokenKind.Semi or TokenKind.EndOfFile;

    private Stmt ParseTypeAlias()
    {
        var start = _cur;
        Advance();
        var nameToken = _cur;
        Advance();
        var name = new Name { Id = TokenText(nameToken), Ctx = ExprContext.Store, Span = TokenSpan(nameToken) };
        var typeParams = ParseTypeParamsOpt();
        Expect(TokenKind.Equal, "'='");
        var value = ParseExpression();
        return new TypeAlias { Name = name, TypeParams = typeParams, Value = value, Span = From(start) };
    }

    private Stmt ParseImport()
    {
        var start = _cur;
        Advance();
        var names = new List<Alias>();
        do
        {
            var aliasStart = _cur;
            var dotted = ParseDottedName();
            string? asname = null;
            if (Accept(TokenKind.As))
            {
                asname = TokenText(Expect(TokenKind.Name, "name"));
            }

            names.Add(new Alias { Name = dotted, Asname = asname, Span = From(aliasStart) });
        }
        while (Accept(TokenKind.Comma));
        return new Import { Names = names, Span = From(start) };
    }

    private string ParseDottedName()
    {
        var first = Expect(TokenKind.Name, "name");
        if (_cur.Kind != TokenKind.Dot)
        {
            return TokenText(first);
        }

        var builder = new System.Text.StringBuilder(TokenText(first));
        while (Accept(TokenKind.Dot))
        {
            builder.Append('.').Append(TokenText(Expect(TokenKind.Name, "name")));
        }

        return builder.ToString();
    }

    private Stmt ParseFromImport()
    {
        var start = _cur;
        Advance();
        int level = 0;
        while (_cur.Kind is TokenKind.Dot or TokenKind.Ellipsis)
        {
            level += _cur.Kind == TokenKind.Dot ? 1 : 3;
            Advance();
        }

        string? module = null;
        if (_cur.Kind == TokenKind.Name)
        {
            module = ParseDottedName();
        }
        else if (level == 0)
        {
            throw InvalidSyntax();
        }

        Expect(TokenKind.Import, "'import'");
        var names = new List<Alias>();
        if (_cur.Kind == TokenKind.Star)
        {
            var star = _cur;
            Advance();
            names.Add(new Alias { Name = "*", Span = TokenSpan(star) });
            return new ImportFrom { Module = module, Names = names, Level = level, Span = From(start) };
        }

        bool parenthesized = Accept(TokenKind.LParen);
        while (true)
        {
            var aliasStart = _cur;
            var name = TokenText(Expect(TokenKind.Name, "name"));
            string? asname = null;
            if (Accept(TokenKind.As))
            {
                asname = TokenText(Expect(TokenKind.Name, "name"));
            }

            names.Add(new Alias { Name = name, Asname = asname, Span = From(aliasStart) });
            if (!Accept(TokenKind.Comma))
            {
                break;
            }

            if (parenthesized && _cur.Kind == TokenKind.RParen)
            {
                break;
            }

            if (!parenthesized && AtStatementEnd())
            {
                throw Error("trailing comma not allowed without surrounding parentheses", _prev);
            }
        }

        if (parenthesized)
        {
            Expect(TokenKind.RParen, "')'");
        }

        return new ImportFrom { Module = module, Names = names, Level = level, Span = From(start) };
    }

    private Stmt ParseExpressionStatement()
    {
        var start = _cur;
        Expr first = _cur.Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        switch (_cur.Kind)
        {
            case TokenKind.Equal:
                {
                    var targets = new List<Expr>();
                    Expr value = first;
                    while (Accept(TokenKind.Equal))
                    {
                        SetAssignmentTarget(value, isPlainAssignment: true);
                        targets.Add(value);
                        value = _cur.Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
                    }

                    return new Assign { Targets = targets, Value = value, Span = From(start) };
                }

            case TokenKind.Colon:
                {
                    Advance();
                    if (first is not (Name or Attribute or Subscript))
                    {
                        throw first switch
                        {
                            Syntax.Tuple => Error("only single target (not tuple) can be annotated", first),
                            Syntax.List => Error("only single target (not list) can be annotated", first),
                            _ => Error("illegal target for annotation", first),
                        };
                    }

                    SetContext(first, ExprContext.Store);
                    var annotation = ParseExpression();
                    Expr? value = null;
                    if (Accept(TokenKind.Equal))
                    {
                        value = _cur.Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
                    }

                    bool simple = first is Name && _text[first.Span.StartOffset] != '(';
                    return new AnnAssign { Target = first, Annotation = annotation, Value = value, Simple = simple, Span = From(start) };
                }

            default:
                if (AugmentedOperator(_cur.Kind) is { } op)
                {
                    if (first is not (Name or Attribute or Subscript))
                    {
                        throw Error($"'{Describe(first)}' is an illegal expression for augmented assignment", first);
                    }

                    SetContext(first, ExprContext.Store);
                    Advance();
                    var value = _cur.Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
                    return new AugAssign { Target = first, Op = op, Value = value, Span = From(start) };
                }

                if (!AtStatementEnd())
                {
                    throw MissingCommaOrInvalid(first);
                }

                return new ExprStmt { Value = first, Span = From(start) };
        }
    }

    private ParseException MissingCommaOrInvalid(Expr before)
    {
        if (before is Name { Id: "print" or "exec" } && _cur.Kind is TokenKind.String or TokenKind.Name or TokenKind.Number or TokenKind.FStringStart)
        {
            return Error($"Missing parentheses in call to '{((Name)before).Id}'. Did you mean {((Name)before).Id}(...)?", before);
        }

        if (_cur.Kind is TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.FStringStart)
        {
            return new ParseException("invalid syntax. Perhaps you forgot a comma?", before.Span.StartLine, before.Span.StartColumn);
        }

        return InvalidSyntax();
    }

    private static BinaryOperator? AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => BinaryOperator.Add,
        TokenKind.MinusEqual => BinaryOperator.Sub,
        TokenKind.StarEqual => BinaryOperator.Mult,
        TokenKind.AtEqual => BinaryOperator.MatMult,
        TokenKind.SlashEqual => BinaryOperator.Div,
        TokenKind.PercentEqual => BinaryOperator.Mod,
        TokenKind.DoubleStarEqual => BinaryOperator.Pow,
        TokenKind.LeftShiftEqual => BinaryOperator.LShift,
        TokenKind.RightShiftEqual => BinaryOperator.RShift,
        TokenKind.VBarEqual => BinaryOperator.BitOr,
        TokenKind.CircumflexEqual => BinaryOperator.BitXor,
        TokenKind.AmperEqual => BinaryOperator.BitAnd,
        TokenKind.DoubleSlashEqual => BinaryOperator.FloorDiv,
        _ => null,
    };

    // ---- Compound statements ------------------------------------------------------------------------

    private Stmt ParseCompoundStatement()
    {
        switch (_cur.Kind)
        {
            case TokenKind.At:
                return ParseDecorated();
            case TokenKind.Def:
                return ParseFunctionDef([], _cur, null);
            case TokenKind.Class:
                return ParseClassDef([], _cur);
            case TokenKind.If:
                return ParseIf();
            case TokenKind.While:
                return ParseWhile();
            case TokenKind.For:
                return ParseFor(null);
            case TokenKind.Try:
                return ParseTry();
            case TokenKind.With:
                return ParseWith(null);
            default:
                {
                    var asyncToken = _cur;
                    Advance();
                    return _cur.Kind switch
                    {
                        TokenKind.Def => ParseFunctionDef([], asyncToken, asyncToken),
                        TokenKind.For => ParseFor(asyncToken),
                        TokenKind.With => ParseWith(asyncToken),
                        _ => throw InvalidSyntax(),
                    };
                }
        }
    }

    private Stmt ParseDecorated()
    {
        var first = _cur;
        var decorators = new List<Expr>();
        while (Accept(TokenKind.At))
        {
            decorators.Add(ParseNamedExpression());
            Expect(TokenKind.Newline, "newline");
        }

        switch (_cur.Kind)
        {
            case TokenKind.Def:
                return ParseFunctionDef(decorators, first, null);
            case TokenKind.Class:
                return ParseClassDef(decorators, first);
            case TokenKind.Async when Peek(1).Kind == TokenKind.Def:
                {
                    var asyncToken = _cur;
                    Advance();
                    return ParseFunctionDef(decorators, first, asyncToken);
                }

            default:
                throw InvalidSyntax();
        }
    }

    private Stmt ParseFunctionDef(List<Expr> decorators, Token decoratedStart, Token? asyncToken)
    {
        var start = asyncToken ?? _cur;
        if (decorators.Count == 0)
        {
            decoratedStart = start;
        }

        var defToken = _cur;
        Expect(TokenKind.Def, "'def'");
        var name = TokenText(Expect(TokenKind.Name, "name"));
        var typeParams = ParseTypeParamsOpt();
        var openParen = _cur;
        if (_cur.Kind != TokenKind.LParen)
        {
            throw Error("expected '('", _cur);
        }

        Advance();
        var args = ParseParameters(TokenKind.RParen, allowAnnotations: true, openParen);
        Expect(TokenKind.RParen, "')'");
        Expr? returns = null;
        if (Accept(TokenKind.RArrow))
        {
            returns = ParseExpression();
        }

        var saved = _context;
        bool savedClass = _inClassBody;
        _context = new BodyContext(true, asyncToken is not null, false);
        _inClassBody = false;
        List<Stmt> body;
        try
        {
            body = ParseBlock(defToken, "function definition");
        }
        finally
        {
            _context = saved;
            _inClassBody = savedClass;
        }

        var span = BlockSpan(start);
        var decoratedSpan = BlockSpan(decoratedStart);
        if (asyncToken is not null)
        {
            return new AsyncFunctionDef { DecoratorList = decorators, Name = name, TypeParams = typeParams, Args = args, Returns = returns, Body = body, Span = span, DecoratedSpan = decoratedSpan };
        }

        return new FunctionDef { DecoratorList = decorators, Name = name, TypeParams = typeParams, Args = args, Returns = returns, Body = body, Span = span, DecoratedSpan = decoratedSpan };
    }

    private Stmt ParseClassDef(List<Expr> decorators, Token decoratedStart)
    {
        var start = _cur;
        Advance();
        var name = TokenText(Expect(TokenKind.Name, "name"));
        var typeParams = ParseTypeParamsOpt();
        List<Expr> bases = [];
        List<Keyword> keywords = [];
        if (_cur.Kind == TokenKind.LParen)
        {
            var open = _cur;
            Advance();
            (bases, keywords) = ParseCallArguments(open);
            Expect(TokenKind.RParen, "')'");
        }

        var saved = _context;
        bool savedClass = _inClassBody;
        _context = new BodyContext(false, false, false);
        _inClassBody = true;
        List<Stmt> body;
        try
        {
            body = ParseBlock(start, "class definition");
        }
        finally
        {
            _context = saved;
            _inClassBody = savedClass;
        }

        return new ClassDef
        {
            DecoratorList = decorators, Name = name, TypeParams = typeParams, Bases = bases, Keywords = keywords, Body = body,
            Span = BlockSpan(start), DecoratedSpan = BlockSpan(decorators.Count > 0 ? decoratedStart : start),
        };
    }

    /// <summary>Parses ':' and the block after a compound statement header.</summary>
    private List<Stmt> ParseBlock(in Token header, string what)
    {
        ThrowPendingAwait();
        if (_cur.Kind != TokenKind.Colon)
        {
            throw ErrorExpected("':'");
        }

        Advance();
        if (_cur.Kind != TokenKind.Newline)
        {
            var simple = new List<Stmt>();
            ParseSimpleStatements(simple);
            return simple;
        }

        Advance();
        if (_cur.Kind != TokenKind.Indent)
        {
            throw Error($"expected an indented block after {what} on line {header.Line}", _cur);
        }

        Advance();
        var body = ParseStatements(topLevel: false);
        if (_cur.Kind == TokenKind.Dedent)
        {
            Advance();
        }

        return body;
    }

    private Stmt ParseIf()
    {
        var start = _cur;
        Advance();
        var test = ParseNamedExpression();
        var body = ParseBlock(start, "'if' statement");
        List<Stmt> orelse = [];
        if (_cur.Kind == TokenKind.Elif)
        {
            orelse = [ParseIf()];
        }
        else if (_cur.Kind == TokenKind.Else)
        {
            var elseToken = _cur;
            Advance();
            orelse = ParseBlock(elseToken, "'else' statement");
        }

        return new If { Test = test, Body = body, Orelse = orelse, Span = BlockSpan(start) };
    }

    private Stmt ParseWhile()
    {
        var start = _cur;
        Advance();
        var test = ParseNamedExpression();
        var body = ParseLoopBody(start, "'while' statement");
        var orelse = ParseElseBlock();
        return new While { Test = test, Body = body, Orelse = orelse, Span = BlockSpan(start) };
    }

    private List<Stmt> ParseLoopBody(in Token header, string what)
    {
        var saved = _context;
        _context = saved with { InLoop = true };
        try
        {
            return ParseBlock(header, what);
        }
        finally
        {
            _context = saved;
        }
    }

    private List<Stmt> ParseElseBlock()
    {
        if (_cur.Kind != TokenKind.Else)
        {
            return [];
        }

        var elseToken = _cur;
        Advance();
        return ParseBlock(elseToken, "'else' statement");
    }

    private Stmt ParseFor(Token? asyncToken)
    {
        var start = asyncToken ?? _cur;
        var forToken = _cur;
        Advance();
        var target = ParseStarTargets();
        Expect(TokenKind.In, "'in'");
        var iter = ParseStarExpressions();
        var body = ParseLoopBody(forToken, "'for' statement");
        var orelse = ParseElseBlock();
        if (asyncToken is not null)
        {
            if (!_context.InAsyncFunction)
            {
                throw Error("'async for' outside async function", asyncToken.Value);
            }

            return new AsyncFor { Target = target, Iter = iter, Body = body, Orelse = orelse, Span = BlockSpan(start) };
        }

        return new For { Target = target, Iter = iter, Body = body, Orelse = orelse, Span = BlockSpan(start) };
    }

    /// <summary>Parses loop or comprehension targets (<c>a, *b</c>) and marks them as stores.</summary>
    private Expr ParseStarTargets()
    {
        var start = _cur;
        var first = ParseStarTarget();
        if (_cur.Kind != TokenKind.Comma)
        {
            SetAssignmentTarget(first, isPlainAssignment: false);
            return first;
        }

        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (_cur.Kind is TokenKind.In or TokenKind.Equal)
            {
                break;
            }

            elts.Add(ParseStarTarget());
        }

        var tuple = new Syntax.Tuple { Elts = elts, Ctx = ExprContext.Load, Span = From(start) };
        SetAssignmentTarget(tuple, isPlainAssignment: false);
        return tuple;
    }

    private Expr ParseStarTarget()
    {
        if (_cur.Kind == TokenKind.Star)
        {
            var star = _cur;
            Advance();
            var inner = ParseBitwiseOr();
            return new Starred { Value = inner, Ctx = ExprContext.Load, Span = From(star) };
        }

        return ParseBitwiseOr();
    }

    private Stmt ParseTry()
    {
        var start = _cur;
        Advance();
        var body = ParseBlock(start, "'try' statement");
        var handlers = new List<ExceptHandler>();
        bool? star = null;
        while (_cur.Kind == TokenKind.Except)
        {
            var exceptToken = _cur;
            Advance();
            bool isStar = Accept(TokenKind.Star);
            if (star is { } previous && previous != isStar)
            {
                throw Error("cannot have both 'except' and 'except*' on the same 'try'", exceptToken);
            }

            star = isStar;
            Expr? type = null;
            string? name = null;
            if (_cur.Kind != TokenKind.Colon)
            {
                type = ParseExpression();
                if (_cur.Kind == TokenKind.Comma)
                {
                    throw Error("multiple exception types must be parenthesized", type);
                }

                if (Accept(TokenKind.As))
                {
                    name = TokenText(Expect(TokenKind.Name, "name"));
                }
            }
            else if (isStar)
            {
                throw Error("expected one or more exception types", _cur);
            }

            var handlerBody = ParseBlock(exceptToken, isStar ? "'except*' statement" : "'except' statement");
            handlers.Add(new ExceptHandler { Type = type, Name = name, Body = handlerBody, Span = BlockSpan(exceptToken) });
        }

        var orelse = handlers.Count > 0 ? ParseElseBlock() : [];
        List<Stmt> finalBody = [];
        if (_cur.Kind == TokenKind.Finally)
        {
            var finallyToken = _cur;
            Advance();
            finalBody = ParseBlock(finallyToken, "'finally' statement");
        }

        if (handlers.Count == 0 && finalBody.Count == 0)
        {
            throw Error("expected 'except' or 'finally' block", _cur);
        }

        if (star == true)
        {
            return new TryStar { Body = body, Handlers = handlers, Orelse = orelse, Finalbody = finalBody, Span = BlockSpan(start) };
        }

        return new Try { Body = body, Handlers = handlers, Orelse = orelse, Finalbody = finalBody, Span = BlockSpan(start) };
    }

    private Stmt ParseWith(Token? asyncToken)
    {
        var start = asyncToken ?? _cur;
        var withToken = _cur;
        Advance();
        List<WithItem>? items = null;
        if (_cur.Kind == TokenKind.LParen)
        {
            // "with (a as b, c):" is a parenthesized item list; "with (a, b):" or "with (a) as b:" are
            // expressions. Try the item list first and fall back.
            int mark = Mark();
            try
            {
                Advance();
                var list = new List<WithItem>();
                while (true)
                {
                    list.Add(ParseWithItem());
                    if (!Accept(TokenKind.Comma) || _cur.Kind == TokenKind.RParen)
                    {
                        break;
                    }
                }

                Expect(TokenKind.RParen, "')'");
                if (_cur.Kind == TokenKind.Colon)
                {
                    items = list;
                    Release();
                }
                else
                {
                    Reset(mark);
                }
            }
            catch (ParseException) when (!_tokenizer.Failed)
            {
                Reset(mark);
            }
        }

        if (items is null)
        {
            items = [];
            do
            {
                items.Add(ParseWithItem());
            }
            while (Accept(TokenKind.Comma));
        }

        var body = ParseBlock(withToken, "'with' statement");
        if (asyncToken is not null)
        {
            if (!_context.InAsyncFunction)
            {
                throw Error("'async with' outside async function", asyncToken.Value);
            }

            return new AsyncWith { Items = items, Body = body, Span = BlockSpan(start) };
        }

        return new With { Items = items, Body = body, Span = BlockSpan(start) };
    }

    private WithItem ParseWithItem()
    {
        var start = _cur;
        var context = ParseExpression();
        Expr? vars = null;
        if (Accept(TokenKind.As))
        {
            vars = ParseStarTarget();
            SetAssignmentTarget(vars, isPlainAssignment: false);
        }

        return new WithItem { ContextExpr = context, OptionalVars = vars, Span = From(start) };
    }

    // ---- Type parameters (PEP 695) ------------------------------------------------------------------

    private List<TypeParam> ParseTypeParamsOpt()
    {
        if (_cur.Kind != TokenKind.LBracket)
        {
            return [];
        }

        Advance();
        var list = new List<TypeParam>();
        while (_cur.Kind != TokenKind.RBracket)
        {
            var start = _cur;
            if (Accept(TokenKind.Star))
            {
                var name = TokenText(Expect(TokenKind.Name, "name"));
                if (_cur.Kind == TokenKind.Colon)
                {
                    throw Error("cannot use bound with TypeVarTuple", _cur);
                }

                list.Add(new TypeVarTuple { Name = name, Span = From(start) });
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                var name = TokenText(Expect(TokenKind.Name, "name"));
                if (_cur.Kind == TokenKind.Colon)
                {
                    throw Error("cannot use bound with ParamSpec", _cur);
                }

                list.Add(new ParamSpec { Name = name, Span = From(start) });
            }
            else
            {
                var name = TokenText(Expect(TokenKind.Name, "name"));
                Expr? bound = null;
                if (Accept(TokenKind.Colon))
                {
                    bound = ParseExpression();
                }

                list.Add(new TypeVar { Name = name, Bound = bound, Span = From(start) });
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (list.Count == 0)
        {
            throw Error("Type parameter list cannot be empty", _cur);
        }

        Expect(TokenKind.RBracket, "']'");
        return list;
    }
}
