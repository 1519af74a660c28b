namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// Walks a Python syntax tree. Every node kind has a virtual <c>VisitX</c> method whose default,
/// <see cref="DefaultVisit"/>, visits the node's children in the order the node itself declares them (its one
/// <c>VisitChildren</c> description, in source order). Override only the kinds you need; call the base (or
/// <see cref="DefaultVisit"/>) to keep walking below them. Trees from <c>PythonParser</c> have a bounded depth
/// (see <c>PythonParser.MaxTreeDepth</c>), so the recursion is bounded.
/// </summary>
public abstract class PythonSyntaxWalker
{
    /// <summary>Dispatches to the node's <c>VisitX</c> method. Every child of every node is visited through here.</summary>
    public virtual void Visit(PyNode node) => node.Accept(this);

    /// <summary>Visits the node's children in source order: what every <c>VisitX</c> does unless overridden.</summary>
    protected virtual void DefaultVisit(PyNode node) => node.VisitChildren(this);

    /// <summary>Visits each node of a list, in order.</summary>
    protected internal void VisitEach(IReadOnlyList<PyNode> nodes)
    {
        // Indexing rather than foreach: no enumerator is allocated per list on this hot path.
        for (int i = 0; i < nodes.Count; i++)
        {
            Visit(nodes[i]);
        }
    }

    /// <summary>Visits an optional node when it is there.</summary>
    protected internal void VisitIfPresent(PyNode? node)
    {
        if (node is not null)
        {
            Visit(node);
        }
    }

    /// <summary>
    /// Visits two lists that are each in source order but interleave in the source (a call's positional and
    /// keyword arguments, a class's bases and keywords) in their joint source order.
    /// </summary>
    protected internal void VisitInSourceOrder(IReadOnlyList<PyNode> first, IReadOnlyList<PyNode> second)
    {
        int i = 0;
        int j = 0;
        while (i < first.Count || j < second.Count)
        {
            if (j == second.Count || (i < first.Count && first[i].Span.StartOffset <= second[j].Span.StartOffset))
            {
                Visit(first[i++]);
            }
            else
            {
                Visit(second[j++]);
            }
        }
    }

    /// <summary>Visits a <see cref="Module"/>.</summary>
    public virtual void VisitModule(Module node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="FunctionDef"/>.</summary>
    public virtual void VisitFunctionDef(FunctionDef node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AsyncFunctionDef"/>.</summary>
    public virtual void VisitAsyncFunctionDef(AsyncFunctionDef node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ClassDef"/>.</summary>
    public virtual void VisitClassDef(ClassDef node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Return"/>.</summary>
    public virtual void VisitReturn(Return node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Delete"/>.</summary>
    public virtual void VisitDelete(Delete node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Assign"/>.</summary>
    public virtual void VisitAssign(Assign node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="TypeAlias"/>.</summary>
    public virtual void VisitTypeAlias(TypeAlias node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AugAssign"/>.</summary>
    public virtual void VisitAugAssign(AugAssign node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AnnAssign"/>.</summary>
    public virtual void VisitAnnAssign(AnnAssign node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="For"/>.</summary>
    public virtual void VisitFor(For node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AsyncFor"/>.</summary>
    public virtual void VisitAsyncFor(AsyncFor node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="While"/>.</summary>
    public virtual void VisitWhile(While node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="If"/>.</summary>
    public virtual void VisitIf(If node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="With"/>.</summary>
    public virtual void VisitWith(With node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AsyncWith"/>.</summary>
    public virtual void VisitAsyncWith(AsyncWith node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Match"/>.</summary>
    public virtual void VisitMatch(Match node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Raise"/>.</summary>
    public virtual void VisitRaise(Raise node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Try"/>.</summary>
    public virtual void VisitTry(Try node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="TryStar"/>.</summary>
    public virtual void VisitTryStar(TryStar node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Assert"/>.</summary>
    public virtual void VisitAssert(Assert node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Import"/>.</summary>
    public virtual void VisitImport(Import node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ImportFrom"/>.</summary>
    public virtual void VisitImportFrom(ImportFrom node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Global"/>.</summary>
    public virtual void VisitGlobal(Global node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Nonlocal"/>.</summary>
    public virtual void VisitNonlocal(Nonlocal node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ExprStmt"/>.</summary>
    public virtual void VisitExprStmt(ExprStmt node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Pass"/>.</summary>
    public virtual void VisitPass(Pass node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Break"/>.</summary>
    public virtual void VisitBreak(Break node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Continue"/>.</summary>
    public virtual void VisitContinue(Continue node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BoolOp"/>.</summary>
    public virtual void VisitBoolOp(BoolOp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="NamedExpr"/>.</summary>
    public virtual void VisitNamedExpr(NamedExpr node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BinOp"/>.</summary>
    public virtual void VisitBinOp(BinOp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="UnaryOp"/>.</summary>
    public virtual void VisitUnaryOp(UnaryOp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Lambda"/>.</summary>
    public virtual void VisitLambda(Lambda node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="IfExp"/>.</summary>
    public virtual void VisitIfExp(IfExp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Dict"/>.</summary>
    public virtual void VisitDict(Dict node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Set"/>.</summary>
    public virtual void VisitSet(Set node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ListComp"/>.</summary>
    public virtual void VisitListComp(ListComp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SetComp"/>.</summary>
    public virtual void VisitSetComp(SetComp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="DictComp"/>.</summary>
    public virtual void VisitDictComp(DictComp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="GeneratorExp"/>.</summary>
    public virtual void VisitGeneratorExp(GeneratorExp node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Await"/>.</summary>
    public virtual void VisitAwait(Await node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Yield"/>.</summary>
    public virtual void VisitYield(Yield node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="YieldFrom"/>.</summary>
    public virtual void VisitYieldFrom(YieldFrom node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Compare"/>.</summary>
    public virtual void VisitCompare(Compare node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Call"/>.</summary>
    public virtual void VisitCall(Call node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="FormattedValue"/>.</summary>
    public virtual void VisitFormattedValue(FormattedValue node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="JoinedStr"/>.</summary>
    public virtual void VisitJoinedStr(JoinedStr node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Constant"/>.</summary>
    public virtual void VisitConstant(Constant node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Attribute"/>.</summary>
    public virtual void VisitAttribute(Attribute node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Subscript"/>.</summary>
    public virtual void VisitSubscript(Subscript node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Starred"/>.</summary>
    public virtual void VisitStarred(Starred node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Name"/>.</summary>
    public virtual void VisitName(Name node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="List"/>.</summary>
    public virtual void VisitList(List node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Tuple"/>.</summary>
    public virtual void VisitTuple(Tuple node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Slice"/>.</summary>
    public virtual void VisitSlice(Slice node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Comprehension"/>.</summary>
    public virtual void VisitComprehension(Comprehension node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ExceptHandler"/>.</summary>
    public virtual void VisitExceptHandler(ExceptHandler node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Arguments"/>.</summary>
    public virtual void VisitArguments(Arguments node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Arg"/>.</summary>
    public virtual void VisitArg(Arg node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Keyword"/>.</summary>
    public virtual void VisitKeyword(Keyword node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="Alias"/>.</summary>
    public virtual void VisitAlias(Alias node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="WithItem"/>.</summary>
    public virtual void VisitWithItem(WithItem node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchCase"/>.</summary>
    public virtual void VisitMatchCase(MatchCase node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchValue"/>.</summary>
    public virtual void VisitMatchValue(MatchValue node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchSingleton"/>.</summary>
    public virtual void VisitMatchSingleton(MatchSingleton node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchSequence"/>.</summary>
    public virtual void VisitMatchSequence(MatchSequence node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchMapping"/>.</summary>
    public virtual void VisitMatchMapping(MatchMapping node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchClass"/>.</summary>
    public virtual void VisitMatchClass(MatchClass node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchStar"/>.</summary>
    public virtual void VisitMatchStar(MatchStar node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchAs"/>.</summary>
    public virtual void VisitMatchAs(MatchAs node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="MatchOr"/>.</summary>
    public virtual void VisitMatchOr(MatchOr node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="TypeVar"/>.</summary>
    public virtual void VisitTypeVar(TypeVar node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ParamSpec"/>.</summary>
    public virtual void VisitParamSpec(ParamSpec node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="TypeVarTuple"/>.</summary>
    public virtual void VisitTypeVarTuple(TypeVarTuple node) => DefaultVisit(node);
}
