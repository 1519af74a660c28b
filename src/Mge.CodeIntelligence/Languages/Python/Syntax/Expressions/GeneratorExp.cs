namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A generator expression. Mirrors CPython's <c>ast.GeneratorExp</c>.
/// </summary>
public sealed class GeneratorExp : ElementComprehension
{
    /// <inheritdoc/>
    public override void Accept(PythonSyntaxWalker walker) => walker.VisitGeneratorExp(this);
}
