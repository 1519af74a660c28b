namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// Walks a Python syntax tree. Every node kind has a virtual <c>VisitX</c> method whose default visits the
/// node's children in source order (decorators before the definition, keys before values, interleaved
/// positional and keyword arguments by position). Override a method and call the base to keep walking.
/// Trees from <c>PythonParser</c> have a bounded depth (see <c>PythonParser.MaxTreeDepth</c>),
/// so the recursion is bounded.
/// </summary>
public abstract class PythonSyntaxWalker
{
    /// <summary>Dispatches to the node's <c>VisitX</c> method.</summary>
    public virtual void Visit(PyNode node) => node.Accept(this);

    /// <summary>Visits the node's children in source order.</summary>
    protected void VisitChildren(PyNode node)
    {
        foreach (var child in node.GetChildren())
        {
            child.Accept(this);
        }
    }

    /// <summary>Visits a <see cref="Module"/>.</summary>
    public virtual void VisitModule(Module node)
    {
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="FunctionDef"/>.</summary>
    public virtual void VisitFunctionDef(FunctionDef node)
    {
        foreach (var child in node.DecoratorList)
        {
            Visit(child);
        }
        foreach (var child in node.TypeParams)
        {
            Visit(child);
        }
        Visit(node.Args);
        if (node.Returns is { } returns)
        {
            Visit(returns);
        }
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="AsyncFunctionDef"/>.</summary>
    public virtual void VisitAsyncFunctionDef(AsyncFunctionDef node)
    {
        foreach (var child in node.DecoratorList)
        {
            Visit(child);
        }
        foreach (var child in node.TypeParams)
        {
            Visit(child);
        }
        Visit(node.Args);
        if (node.Returns is { } returns)
        {
            Visit(returns);
        }
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="ClassDef"/>.</summary>
    public virtual void VisitClassDef(ClassDef node)
    {
        VisitChildren(node);
    }

    /// <summary>Visits a <see cref="Return"/>.</summary>
    public virtual void VisitReturn(Return node)
    {
        if (node.Value is { } value)
        {
            Visit(value);
        }
    }

    /// <summary>Visits a <see cref="Delete"/>.</summary>
    public virtual void VisitDelete(Delete node)
    {
        foreach (var child in node.Targets)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Assign"/>.</summary>
    public virtual void VisitAssign(Assign node)
    {
        foreach (var child in node.Targets)
        {
            Visit(child);
        }
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="TypeAlias"/>.</summary>
    public virtual void VisitTypeAlias(TypeAlias node)
    {
        Visit(node.Name);
        foreach (var child in node.TypeParams)
        {
            Visit(child);
        }
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="AugAssign"/>.</summary>
    public virtual void VisitAugAssign(AugAssign node)
    {
        Visit(node.Target);
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="AnnAssign"/>.</summary>
    public virtual void VisitAnnAssign(AnnAssign node)
    {
        Visit(node.Target);
        Visit(node.Annotation);
        if (node.Value is { } value)
        {
            Visit(value);
        }
    }

    /// <summary>Visits a <see cref="For"/>.</summary>
    public virtual void VisitFor(For node)
    {
        Visit(node.Target);
        Visit(node.Iter);
        foreach (var child in node.Body)
        {
            Visit(child);
        }
        foreach (var child in node.Orelse)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="AsyncFor"/>.</summary>
    public virtual void VisitAsyncFor(AsyncFor node)
    {
        Visit(node.Target);
        Visit(node.Iter);
        foreach (var child in node.Body)
        {
            Visit(child);
        }
        foreach (var child in node.Orelse)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="While"/>.</summary>
    public virtual void VisitWhile(While node)
    {
        Visit(node.Test);
        foreach (var child in node.Body)
        {
            Visit(child);
        }
        foreach (var child in node.Orelse)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="If"/>.</summary>
    public virtual void VisitIf(If node)
    {
        Visit(node.Test);
        foreach (var child in node.Body)
        {
            Visit(child);
        }
        foreach (var child in node.Orelse)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="With"/>.</summary>
    public virtual void VisitWith(With node)
    {
        foreach (var child in node.Items)
        {
            Visit(child);
        }
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="AsyncWith"/>.</summary>
    public virtual void VisitAsyncWith(AsyncWith node)
    {
        foreach (var child in node.Items)
        {
            Visit(child);
        }
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Match"/>.</summary>
    public virtual void VisitMatch(Match node)
    {
        Visit(node.Subject);
        foreach (var child in node.Cases)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Raise"/>.</summary>
    public virtual void VisitRaise(Raise node)
    {
        if (node.Exc is { } exc)
        {
            Visit(exc);
        }
        if (node.Cause is { } cause)
        {
            Visit(cause);
        }
    }

    /// <summary>Visits a <see cref="Try"/>.</summary>
    public virtual void VisitTry(Try node)
    {
        foreach (var child in node.Body)
        {
            Visit(child);
        }
        foreach (var child in node.Handlers)
        {
            Visit(child);
        }
        foreach (var child in node.Orelse)
        {
            Visit(child);
        }
        foreach (var child in node.Finalbody)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="TryStar"/>.</summary>
    public virtual void VisitTryStar(TryStar node)
    {
        foreach (var child in node.Body)
        {
            Visit(child);
        }
        foreach (var child in node.Handlers)
        {
            Visit(child);
        }
        foreach (var child in node.Orelse)
        {
            Visit(child);
        }
        foreach (var child in node.Finalbody)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Assert"/>.</summary>
    public virtual void VisitAssert(Assert node)
    {
        Visit(node.Test);
        if (node.Msg is { } msg)
        {
            Visit(msg);
        }
    }

    /// <summary>Visits a <see cref="Import"/>.</summary>
    public virtual void VisitImport(Import node)
    {
        foreach (var child in node.Names)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="ImportFrom"/>.</summary>
    public virtual void VisitImportFrom(ImportFrom node)
    {
        foreach (var child in node.Names)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Global"/>.</summary>
    public virtual void VisitGlobal(Global node)
    {
    }

    /// <summary>Visits a <see cref="Nonlocal"/>.</summary>
    public virtual void VisitNonlocal(Nonlocal node)
    {
    }

    /// <summary>Visits a <see cref="ExprStmt"/>.</summary>
    public virtual void VisitExprStmt(ExprStmt node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="Pass"/>.</summary>
    public virtual void VisitPass(Pass node)
    {
    }

    /// <summary>Visits a <see cref="Break"/>.</summary>
    public virtual void VisitBreak(Break node)
    {
    }

    /// <summary>Visits a <see cref="Continue"/>.</summary>
    public virtual void VisitContinue(Continue node)
    {
    }

    /// <summary>Visits a <see cref="BoolOp"/>.</summary>
    public virtual void VisitBoolOp(BoolOp node)
    {
        foreach (var child in node.Values)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="NamedExpr"/>.</summary>
    public virtual void VisitNamedExpr(NamedExpr node)
    {
        Visit(node.Target);
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="BinOp"/>.</summary>
    public virtual void VisitBinOp(BinOp node)
    {
        Visit(node.Left);
        Visit(node.Right);
    }

    /// <summary>Visits a <see cref="UnaryOp"/>.</summary>
    public virtual void VisitUnaryOp(UnaryOp node)
    {
        Visit(node.Operand);
    }

    /// <summary>Visits a <see cref="Lambda"/>.</summary>
    public virtual void VisitLambda(Lambda node)
    {
        Visit(node.Args);
        Visit(node.Body);
    }

    /// <summary>Visits a <see cref="IfExp"/>.</summary>
    public virtual void VisitIfExp(IfExp node)
    {
        Visit(node.Body);
        Visit(node.Test);
        Visit(node.Orelse);
    }

    /// <summary>Visits a <see cref="Dict"/>.</summary>
    public virtual void VisitDict(Dict node)
    {
        for (int i = 0; i < node.Values.Count; i++)
        {
            if (node.Keys[i] is { } key)
            {
                Visit(key);
            }

            Visit(node.Values[i]);
        }
    }

    /// <summary>Visits a <see cref="Set"/>.</summary>
    public virtual void VisitSet(Set node)
    {
        foreach (var child in node.Elts)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="ListComp"/>.</summary>
    public virtual void VisitListComp(ListComp node)
    {
        Visit(node.Elt);
        foreach (var child in node.Generators)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="SetComp"/>.</summary>
    public virtual void VisitSetComp(SetComp node)
    {
        Visit(node.Elt);
        foreach (var child in node.Generators)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="DictComp"/>.</summary>
    public virtual void VisitDictComp(DictComp node)
    {
        Visit(node.Key);
        Visit(node.Value);
        foreach (var child in node.Generators)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="GeneratorExp"/>.</summary>
    public virtual void VisitGeneratorExp(GeneratorExp node)
    {
        Visit(node.Elt);
        foreach (var child in node.Generators)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Await"/>.</summary>
    public virtual void VisitAwait(Await node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="Yield"/>.</summary>
    public virtual void VisitYield(Yield node)
    {
        if (node.Value is { } value)
        {
            Visit(value);
        }
    }

    /// <summary>Visits a <see cref="YieldFrom"/>.</summary>
    public virtual void VisitYieldFrom(YieldFrom node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="Compare"/>.</summary>
    public virtual void VisitCompare(Compare node)
    {
        Visit(node.Left);
        foreach (var child in node.Comparators)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Call"/>.</summary>
    public virtual void VisitCall(Call node)
    {
        VisitChildren(node);
    }

    /// <summary>Visits a <see cref="FormattedValue"/>.</summary>
    public virtual void VisitFormattedValue(FormattedValue node)
    {
        Visit(node.Value);
        if (node.FormatSpec is { } formatSpec)
        {
            Visit(formatSpec);
        }
    }

    /// <summary>Visits a <see cref="JoinedStr"/>.</summary>
    public virtual void VisitJoinedStr(JoinedStr node)
    {
        foreach (var child in node.Values)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Constant"/>.</summary>
    public virtual void VisitConstant(Constant node)
    {
    }

    /// <summary>Visits a <see cref="Attribute"/>.</summary>
    public virtual void VisitAttribute(Attribute node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="Subscript"/>.</summary>
    public virtual void VisitSubscript(Subscript node)
    {
        Visit(node.Value);
        Visit(node.Slice);
    }

    /// <summary>Visits a <see cref="Starred"/>.</summary>
    public virtual void VisitStarred(Starred node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="Name"/>.</summary>
    public virtual void VisitName(Name node)
    {
    }

    /// <summary>Visits a <see cref="List"/>.</summary>
    public virtual void VisitList(List node)
    {
        foreach (var child in node.Elts)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Tuple"/>.</summary>
    public virtual void VisitTuple(Tuple node)
    {
        foreach (var child in node.Elts)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Slice"/>.</summary>
    public virtual void VisitSlice(Slice node)
    {
        if (node.Lower is { } lower)
        {
            Visit(lower);
        }
        if (node.Upper is { } upper)
        {
            Visit(upper);
        }
        if (node.Step is { } step)
        {
            Visit(step);
        }
    }

    /// <summary>Visits a <see cref="Comprehension"/>.</summary>
    public virtual void VisitComprehension(Comprehension node)
    {
        Visit(node.Target);
        Visit(node.Iter);
        foreach (var child in node.Ifs)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="ExceptHandler"/>.</summary>
    public virtual void VisitExceptHandler(ExceptHandler node)
    {
        if (node.Type is { } type)
        {
            Visit(type);
        }
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="Arguments"/>.</summary>
    public virtual void VisitArguments(Arguments node)
    {
        VisitChildren(node);
    }

    /// <summary>Visits a <see cref="Arg"/>.</summary>
    public virtual void VisitArg(Arg node)
    {
        if (node.Annotation is { } annotation)
        {
            Visit(annotation);
        }
    }

    /// <summary>Visits a <see cref="Keyword"/>.</summary>
    public virtual void VisitKeyword(Keyword node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="Alias"/>.</summary>
    public virtual void VisitAlias(Alias node)
    {
    }

    /// <summary>Visits a <see cref="WithItem"/>.</summary>
    public virtual void VisitWithItem(WithItem node)
    {
        Visit(node.ContextExpr);
        if (node.OptionalVars is { } optionalVars)
        {
            Visit(optionalVars);
        }
    }

    /// <summary>Visits a <see cref="MatchCase"/>.</summary>
    public virtual void VisitMatchCase(MatchCase node)
    {
        Visit(node.Pattern);
        if (node.Guard is { } guard)
        {
            Visit(guard);
        }
        foreach (var child in node.Body)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="MatchValue"/>.</summary>
    public virtual void VisitMatchValue(MatchValue node)
    {
        Visit(node.Value);
    }

    /// <summary>Visits a <see cref="MatchSingleton"/>.</summary>
    public virtual void VisitMatchSingleton(MatchSingleton node)
    {
    }

    /// <summary>Visits a <see cref="MatchSequence"/>.</summary>
    public virtual void VisitMatchSequence(MatchSequence node)
    {
        foreach (var child in node.Patterns)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="MatchMapping"/>.</summary>
    public virtual void VisitMatchMapping(MatchMapping node)
    {
        for (int i = 0; i < node.Keys.Count; i++)
        {
            Visit(node.Keys[i]);
            Visit(node.Patterns[i]);
        }
    }

    /// <summary>Visits a <see cref="MatchClass"/>.</summary>
    public virtual void VisitMatchClass(MatchClass node)
    {
        Visit(node.Cls);
        foreach (var child in node.Patterns)
        {
            Visit(child);
        }
        foreach (var child in node.KwdPatterns)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="MatchStar"/>.</summary>
    public virtual void VisitMatchStar(MatchStar node)
    {
    }

    /// <summary>Visits a <see cref="MatchAs"/>.</summary>
    public virtual void VisitMatchAs(MatchAs node)
    {
        if (node.Pattern is { } pattern)
        {
            Visit(pattern);
        }
    }

    /// <summary>Visits a <see cref="MatchOr"/>.</summary>
    public virtual void VisitMatchOr(MatchOr node)
    {
        foreach (var child in node.Patterns)
        {
            Visit(child);
        }
    }

    /// <summary>Visits a <see cref="TypeVar"/>.</summary>
    public virtual void VisitTypeVar(TypeVar node)
    {
        if (node.Bound is { } bound)
        {
            Visit(bound);
        }
    }

    /// <summary>Visits a <see cref="ParamSpec"/>.</summary>
    public virtual void VisitParamSpec(ParamSpec node)
    {
    }

    /// <summary>Visits a <see cref="TypeVarTuple"/>.</summary>
    public virtual void VisitTypeVarTuple(TypeVarTuple node)
    {
    }
}
