using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Atomization.Python;

/// <summary>One planned atom: its kind, its scope and where it ends (it starts where the previous one ended).</summary>
internal readonly record struct PlannedAtom(AtomKind Kind, string Scope, int EndOffset);

/// <summary>
/// Decides where a module is cut: every cut is at the end of a line that ends a statement, so comments and
/// blank lines before a statement travel with it and the pieces join back into the exact text.
/// </summary>
internal sealed class PythonAtomPlanner
{
    private readonly string _text;
    private readonly SourceLineIndex _lines;
    private readonly PythonAtomizerOptions _options;
    private readonly List<PlannedAtom> _plan = [];
    private int _planned;

    public PythonAtomPlanner(string text, SourceLineIndex lines, PythonAtomizerOptions options)
    {
        _text = text;
        _lines = lines;
        _options = options;
    }

    public IReadOnlyList<PlannedAtom> Plan(Module module, CancellationToken cancellationToken)
    {
        var body = module.Body;
        var i = 0;
        if (body.Count > 0 && IsDocstring(body[0]))
        {
            Add(AtomKind.Trivia, string.Empty, body[0]);
            i = 1;
        }

        while (i < body.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = body[i];
            switch (statement)
            {
                case Import or ImportFrom:
                    var imports = TakeRun(body, ref i, s => s is Import or ImportFrom);
                    AddGroups(AtomKind.Import, string.Empty, imports, _options.MaxImportLines);
                    break;
                case FunctionDefinition function:
                    PlanFunction(function, string.Empty, AtomKind.Function);
                    i++;
                    break;
                case ClassDef classDef:
                    PlanClass(classDef, string.Empty, cancellationToken);
                    i++;
                    break;
                default:
                    var others = TakeRun(body, ref i, s => !IsDefinition(s) && s is not (Import or ImportFrom));
                    AddGroups(AtomKind.Statement, string.Empty, others, _options.TargetLines);
                    break;
            }
        }

        if (_planned < _text.Length)
        {
            _plan.Add(new PlannedAtom(AtomKind.Trivia, string.Empty, _text.Length));
        }

        return _plan;
    }

    private void PlanFunction(FunctionDefinition function, string ownerScope, AtomKind kind)
    {
        var body = function.Body;
        var start = StartOf(function);
        if (LineCount(start, StatementExtent.EndOf(function)) <= _options.SplitFunctionsOver || body.Count < 2)
        {
            Add(kind, ownerScope, function);
            return;
        }

        // The first part keeps the signature and as many leading statements as fit; the rest become fragments.
        var first = 1;
        while (first < body.Count && LineCount(start, StatementExtent.EndOf(body[first])) <= _options.TargetLines)
        {
            first++;
        }

        Add(kind, ownerScope, body[first - 1]);
        var qualified = Qualify(ownerScope, function.Name);
        AddGroups(AtomKind.Fragment, qualified, body.Skip(first).ToList(), _options.TargetLines);
    }

    private void PlanClass(ClassDef classDef, string ownerScope, CancellationToken cancellationToken)
    {
        var qualified = Qualify(ownerScope, classDef.Name);
        var body = classDef.Body;
        var headerCount = 0;
        while (headerCount < body.Count && !IsDefinition(body[headerCount]))
        {
            headerCount++;
        }

        var start = StartOf(classDef);
        if (headerCount == body.Count && LineCount(start, StatementExtent.EndOf(classDef)) <= _options.SplitFunctionsOver)
        {
            Add(AtomKind.ClassHeader, ownerScope, classDef);
            return;
        }

        if (headerCount == 0)
        {
            AddAt(AtomKind.ClassHeader, ownerScope, ClassLineEnd(classDef));
        }
        else
        {
            var first = 1;
            while (first < headerCount && LineCount(start, StatementExtent.EndOf(body[first])) <= _options.TargetLines)
            {
                first++;
            }

            Add(AtomKind.ClassHeader, ownerScope, body[first - 1]);
            AddGroups(AtomKind.Statement, qualified, body.Take(headerCount).Skip(first).ToList(), _options.TargetLines);
        }

        var i = headerCount;
        while (i < body.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (body[i])
            {
                case FunctionDefinition method:
                    PlanFunction(method, qualified, AtomKind.Method);
                    i++;
                    break;
                case ClassDef nested:
                    PlanClass(nested, qualified, cancellationToken);
                    i++;
                    break;
                default:
                    var others = TakeRun(body, ref i, s => !IsDefinition(s));
                    AddGroups(AtomKind.Statement, qualified, others, _options.TargetLines);
                    break;
            }
        }
    }

    /// <summary>The end of the class statement's own line(s): the start of the first body line, less the comments above it.</summary>
    private int ClassLineEnd(ClassDef classDef)
    {
        var position = _lines.LineStartOf(StartOf(classDef.Body[0]));
        var floor = _lines.LineEndAfter(classDef.Span.StartOffset);
        while (position > floor)
        {
            var previous = _lines.LineStartOf(position - 1);
            if (!_lines.IsBlankOrComment(previous, position))
            {
                break;
            }

            position = previous;
        }

        return Math.Max(position, floor);
    }

    private void AddGroups(AtomKind kind, string scope, IReadOnlyList<Stmt> statements, int maxLines)
    {
        var groupStart = -1;
        Stmt? last = null;
        foreach (var statement in statements)
        {
            if (last is not null && LineCount(groupStart, StatementExtent.EndOf(statement)) > maxLines)
            {
                Add(kind, scope, last);
                last = null;
            }

            if (last is null)
            {
                groupStart = StartOf(statement);
            }

            last = statement;
        }

        if (last is not null)
        {
            Add(kind, scope, last);
        }
    }

    private void Add(AtomKind kind, string scope, Stmt lastStatement) =>
        AddAt(kind, scope, _lines.LineEndAfter(StatementExtent.EndOf(lastStatement)));

    private void AddAt(AtomKind kind, string scope, int endOffset)
    {
        // A statement sharing a line with the previous atom (after a ';') is already inside it.
        if (endOffset <= _planned)
        {
            return;
        }

        _plan.Add(new PlannedAtom(kind, scope, endOffset));
        _planned = endOffset;
    }

    private static List<Stmt> TakeRun(IReadOnlyList<Stmt> body, ref int i, Func<Stmt, bool> belongs)
    {
        var run = new List<Stmt>();
        while (i < body.Count && belongs(body[i]))
        {
            run.Add(body[i]);
            i++;
        }

        return run;
    }

    private int LineCount(int start, int end) => _lines.LineOf(Math.Max(start, end - 1)) - _lines.LineOf(start) + 1;

    private static bool IsDefinition(Stmt statement) => statement is FunctionDefinition or ClassDef;

    private static bool IsDocstring(Stmt statement) => statement is ExprStmt { Value: Constant { Value: string } };

    /// <summary>Where a statement starts, decorators included.</summary>
    public static int StartOf(Stmt statement) => statement switch
    {
        FunctionDefinition f => DecoratedStart(f.DecoratedSpan, f.Span),
        ClassDef c => DecoratedStart(c.DecoratedSpan, c.Span),
        _ => statement.Span.StartOffset,
    };

    private static int DecoratedStart(TextSpan decorated, TextSpan span) =>
        decorated.Length > 0 ? Math.Min(decorated.StartOffset, span.StartOffset) : span.StartOffset;

    private static string Qualify(string owner, string name) => owner.Length == 0 ? name : $"{owner}.{name}";
}
