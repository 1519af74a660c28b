namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A parameter list (CPython's <c>arguments</c>). <see cref="Defaults"/> belong to the last positional parameters; <see cref="KwDefaults"/> align with <see cref="Kwonlyargs"/> (null when none). Mirrors CPython's <c>ast.arguments</c>.
/// </summary>
public sealed class Arguments : PyNode
{
    /// <summary>Parameters before <c>/</c>.</summary>
    public required IReadOnlyList<Arg> Posonlyargs { get; init; }

    /// <summary>Ordinary positional-or-keyword parameters.</summary>
    public required IReadOnlyList<Arg> Args { get; init; }

    /// <summary>The <c>*args</c> parameter.</summary>
    public Arg? Vararg { get; init; }

    /// <summary>Keyword-only parameters.</summary>
    public required IReadOnlyList<Arg> Kwonlyargs { get; init; }

    /// <summary>Defaults of keyword-only parameters (null when none).</summary>
    public required IReadOnlyList<Expr?> KwDefaults { get; init; }

    /// <summary>The <c>**kwargs</c> parameter.</summary>
    public Arg? Kwarg { get; init; }

    /// <summary>Defaults of the last positional parameters.</summary>
    public required IReadOnlyList<Expr> Defaults { get; init; }

    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitArguments(this);

    /// <inheritdoc/>
    protected internal override void AppendChildren(List<PyNode> into)
    {
        Add(into, Posonlyargs);
        Add(into, Args);
        AddOptional(into, Vararg);
        Add(into, Kwonlyargs);
        Add(into, KwDefaults);
        AddOptional(into, Kwarg);
        Add(into, Defaults);
        SortBySource(into, 0);
    }
}
