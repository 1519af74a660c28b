using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// A walker that knows when it is inside the body of a <c>try</c> whose handlers would catch one of the given
/// exception classes (by name, as written: a bare <c>except</c> catches everything, tuples are searched), so
/// a check can excuse code the program itself is prepared to see fail.
/// </summary>
internal abstract class ExceptionGuardWalker(params string[] caughtExceptions) : PythonSyntaxWalker
{
    private int _guards;

    /// <summary>True inside the body of a <c>try</c> that catches one of the exceptions.</summary>
    protected bool Guarded => _guards > 0;

    /// <inheritdoc/>
    public override void VisitTry(Try node) => VisitTryStatement(node);

    /// <inheritdoc/>
    public override void VisitTryStar(TryStar node) => VisitTryStatement(node);

    private void VisitTryStatement(TryStatement node)
    {
        // Only the body is guarded: the handlers, else and finally blocks run outside the try.
        var guards = node.Handlers.Any(h => Catches(h.Type));
        _guards += guards ? 1 : 0;
        VisitEach(node.Body);
        _guards -= guards ? 1 : 0;
        VisitEach(node.Handlers);
        VisitEach(node.Orelse);
        VisitEach(node.Finalbody);
    }

    private bool Catches(Expr? handlerType) => handlerType switch
    {
        null => true,
        Name name => caughtExceptions.Contains(name.Id, StringComparer.Ordinal),
        Syntax.Tuple tuple => tuple.Elts.Any(Catches),
        _ => false,
    };
}
