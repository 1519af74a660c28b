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

    /// <summary>Every parameter in source order: positional-only, ordinary, <c>*args</c>, keyword-only, <c>**kwargs</c>.</summary>
    public IEnumerable<Arg> Parameters
    {
        get
        {
            foreach (var arg in Posonlyargs)
            {
                yield return arg;
            }

            foreach (var arg in Args)
            {
                yield return arg;
            }

            if (Vararg is not null)
            {
                yield return Vararg;
            }

            foreach (var arg in Kwonlyargs)
            {
                yield return arg;
            }

            if (Kwarg is not null)
            {
                yield return Kwarg;
            }
        }
    }

    /// <inheritdoc/>
    internal override void VisitChildren(PythonSyntaxWalker walker)
    {
        // Each default follows its parameter in source; Defaults belong to the last positional parameters.
        int positional = Posonlyargs.Count + Args.Count;
        int firstDefaulted = positional - Defaults.Count;
        for (int i = 0; i < positional; i++)
        {
            walker.Visit(i < Posonlyargs.Count ? Posonlyargs[i] : Args[i - Posonlyargs.Count]);
            if (i >= firstDefaulted)
            {
                walker.Visit(Defaults[i - firstDefaulted]);
            }
        }

        walker.VisitIfPresent(Vararg);
        for (int i = 0; i < Kwonlyargs.Count; i++)
        {
            walker.Visit(Kwonlyargs[i]);
            walker.VisitIfPresent(KwDefaults[i]);
        }

        walker.VisitIfPresent(Kwarg);
    }
}
