using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Atomization.Python;

/// <summary>
/// Where a statement's own code ends: a compound statement ends with the last token of its last nested
/// statement (CPython's end position), never with the comments and blank lines that follow it, so those
/// travel with the next atom.
/// </summary>
internal static class StatementExtent
{
    public static int EndOf(Stmt statement)
    {
        var current = statement;
        while (LastChild(current) is { } last)
        {
            current = last;
        }

        return Math.Min(current.Span.EndOffset, statement.Span.EndOffset);
    }

    private static Stmt? LastChild(Stmt statement) => statement switch
    {
        FunctionDefinition f => Last(f.Body),
        ClassDef c => Last(c.Body),
        If i => Last(i.Orelse) ?? Last(i.Body),
        ForStatement f => Last(f.Orelse) ?? Last(f.Body),
        While w => Last(w.Orelse) ?? Last(w.Body),
        WithStatement w => Last(w.Body),
        TryStatement t => Last(t.Finalbody) ?? Last(t.Orelse) ?? (t.Handlers.Count > 0 ? Last(t.Handlers[^1].Body) : null) ?? Last(t.Body),
        Match m => m.Cases.Count > 0 ? Last(m.Cases[^1].Body) : null,
        _ => null,
    };

    private static Stmt? Last(IReadOnlyList<Stmt> statements) => statements.Count > 0 ? statements[^1] : null;
}
