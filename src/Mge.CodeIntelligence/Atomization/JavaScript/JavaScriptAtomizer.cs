using Acornima.Ast;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;

namespace Mge.CodeIntelligence.Atomization.JavaScript;

/// <summary>
/// Cuts a JavaScript file into atoms along its syntax tree: consecutive imports/requires form one Import
/// atom; each function declaration is a Function atom; a class is a ClassHeader atom (up to its first
/// method) plus one Method atom per method; other top-level statements are grouped into Statement atoms of
/// about <see cref="TargetLines"/> lines. A function, method or statement holding a function longer than
/// <see cref="SplitThreshold"/> lines is cut between the statements of its body into a first part and
/// Fragment atoms. Cuts fall at the end of a line when only whitespace or a comment follows the last
/// statement, so comments and blank lines before a statement belong to the atom that starts with it.
/// Lossless: the atoms' code, in order, is the file.
/// <para>
/// Defines: module-level bindings declared inside the atom, "default" for <c>export default</c> and
/// <c>module.exports = ...</c>, "x" for <c>exports.x = ...</c>, <c>module.exports.x = ...</c> and
/// <c>export { y as x }</c>, "Class.method" for methods. Fragments have the Scope of the function they belong
/// to (its name, "Class.method", or "&lt;anonymous@L&gt;" for an unnamed callback starting on line L, which the
/// first part also defines). Uses: names read in the atom that resolve to module-level bindings or to nothing
/// in the file, minus the atom's own definitions and the predefined globals.
/// </para>
/// </summary>
public sealed class JavaScriptAtomizer
{
    /// <summary>The size atoms aim for, in lines.</summary>
    public const int TargetLines = 10;

    /// <summary>Functions longer than this are split into a first part and fragments.</summary>
    public const int SplitThreshold = 15;

    public AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        cancellationToken.ThrowIfCancellationRequested();

        var parsed = JavaScriptParsing.Parse(file, out var syntaxError);
        if (parsed is null)
        {
            return new AtomizedFile(file.Path, SourceLanguage.JavaScript, [], [syntaxError!]);
        }

        var text = file.Text;
        if (text.Length == 0)
        {
            return new AtomizedFile(file.Path, SourceLanguage.JavaScript, [], []);
        }

        var cutter = new PieceCutter(text);
        Cut(parsed.Program.Body, cutter);
        var pieces = cutter.Finish();
        cancellationToken.ThrowIfCancellationRequested();

        var analysis = JavaScriptScopeAnalyzer.Analyze(parsed);
        AttachStatementFacts(parsed.Program.Body, pieces);
        return new AtomizedFile(file.Path, SourceLanguage.JavaScript, BuildAtoms(file.Path, text, pieces, analysis, parsed.IsCommonJs), []);
    }

    private static void Cut(in NodeList<Statement> statements, PieceCutter cutter)
    {
        AtomKind? groupKind = null;
        var groupStartLine = 0;
        var groupEnd = 0;

        void Flush()
        {
            if (groupKind is { } kind)
            {
                cutter.CutAfter(groupEnd, kind, string.Empty);
                groupKind = null;
            }
        }

        foreach (var statement in statements)
        {
            var inner = Unwrap(statement);
            if (JavaScriptImports.IsImportStatement(statement))
            {
                if (groupKind != AtomKind.Import)
                {
                    Flush();
                    groupKind = AtomKind.Import;
                }

                groupEnd = statement.End;
                continue;
            }

            if (inner is FunctionDeclaration function)
            {
                Flush();
                CutFunction(statement, function.Body, AtomKind.Function, string.Empty, function.Id?.Name ?? "default", cutter);
                continue;
            }

            if (inner is ClassDeclaration classDeclaration && HasMethods(classDeclaration))
            {
                Flush();
                CutClass(statement, classDeclaration, cutter);
                continue;
            }

            var lines = statement.Location.End.Line - statement.Location.Start.Line + 1;
            if (lines > SplitThreshold && LargestFunctionBody(statement) is { } body)
            {
                Flush();
                CutFunction(statement, body.Body, AtomKind.Statement, string.Empty, body.ScopeName, cutter);
                continue;
            }

            var kindHere = inner is ClassDeclaration ? AtomKind.ClassHeader : AtomKind.Statement;
            if (groupKind == AtomKind.Statement && kindHere == AtomKind.Statement && statement.Location.End.Line - groupStartLine + 1 <= TargetLines)
            {
                groupEnd = statement.End;
                continue;
            }

            Flush();
            if (kindHere == AtomKind.ClassHeader)
            {
                cutter.CutAfter(statement.End, AtomKind.ClassHeader, string.Empty);
                continue;
            }

            groupKind = AtomKind.Statement;
            groupStartLine = statement.Location.Start.Line;
            groupEnd = statement.End;
        }

        Flush();
    }

    /// <summary>The declaration inside <c>export</c> / <c>export default</c>, or the statement itself.</summary>
    private static Node Unwrap(Statement statement) => statement switch
    {
        ExportNamedDeclaration { Declaration: { } declaration } => declaration,
        ExportDefaultDeclaration { Declaration: FunctionDeclaration or ClassDeclaration } exportDefault => exportDefault.Declaration,
        _ => statement,
    };

    private static bool HasMethods(ClassDeclaration classDeclaration) =>
        classDeclaration.Body.Body.Any(e => e is MethodDefinition);

    private static void CutClass(Statement statement, ClassDeclaration classDeclaration, PieceCutter cutter)
    {
        var className = classDeclaration.Id?.Name ?? "default";
        var elements = classDeclaration.Body.Body;
        var firstMethod = 0;
        while (elements[firstMethod] is not MethodDefinition)
        {
            firstMethod++;
        }

        // The header: the class line and any fields before the first method.
        var headerEnd = firstMethod == 0 ? classDeclaration.Body.Start + 1 : elements[firstMethod - 1].End;
        cutter.CutAfter(headerEnd, AtomKind.ClassHeader, string.Empty);

        for (var i = firstMethod; i < elements.Count; i++)
        {
            var element = elements[i];
            var last = i == elements.Count - 1;
            if (element is MethodDefinition method)
            {
                var qualified = className + "." + MemberName(method);
                CutFunction(element, method.Value.Body, AtomKind.Method, className, qualified, cutter, unitEnd: last ? statement.End : element.End, define: qualified);
            }
            else
            {
                cutter.CutAfter(last ? statement.End : element.End, AtomKind.Statement, className);
            }
        }
    }

    /// <summary>
    /// One unit holding a function body: a single atom when short, else a first part (the unit's kind) and
    /// fragments, cut after body statements every ~<see cref="TargetLines"/> lines. The last part runs to
    /// <paramref name="unitEnd"/> (closing braces included).
    /// </summary>
    private static void CutFunction(Node unit, BlockStatement body, AtomKind kind, string scope, string bodyScope, PieceCutter cutter, int? unitEnd = null, string? define = null)
    {
        var end = unitEnd ?? unit.End;
        var unitLines = cutter.Lines.LineOf(Math.Max(unit.Start, end - 1)) - unit.Location.Start.Line + 1;
        var statements = body.Body;
        if (unitLines <= SplitThreshold || statements.Count < 2)
        {
            cutter.CutAfter(end, kind, scope, define);
            return;
        }

        var chunkStartLine = unit.Location.Start.Line;
        var first = true;
        for (var i = 0; i < statements.Count - 1; i++)
        {
            var statementEndLine = statements[i].Location.End.Line;
            if (statementEndLine - chunkStartLine + 1 < TargetLines)
            {
                continue;
            }

            if (cutter.CutAfter(statements[i].End, first ? kind : AtomKind.Fragment, first ? scope : bodyScope, first ? define ?? SyntheticDefine(bodyScope) : null))
            {
                first = false;
            }

            chunkStartLine = statementEndLine + 1;
        }

        cutter.CutAfter(end, first ? kind : AtomKind.Fragment, first ? scope : bodyScope, first ? define ?? SyntheticDefine(bodyScope) : null);
    }

    private static string? SyntheticDefine(string bodyScope) => bodyScope.StartsWith('<') ? bodyScope : null;

    private static string MemberName(ClassProperty member) => member.Key switch
    {
        _ when member.Computed => $"[computed@{member.Location.Start.Line}]",
        Identifier identifier => identifier.Name,
        PrivateIdentifier privateIdentifier => "#" + privateIdentifier.Name,
        StringLiteral literal => literal.Value,
        Literal literal => literal.Raw,
        _ => $"[member@{member.Location.Start.Line}]",
    };

    /// <summary>The longest function body (at least two statements) inside a statement, with the scope its fragments get.</summary>
    private static (BlockStatement Body, string ScopeName)? LargestFunctionBody(Statement statement)
    {
        (BlockStatement Body, string ScopeName)? best = null;
        var bestLength = 0;

        void Consider(Node node, string? name)
        {
            var body = node switch
            {
                FunctionExpression f => f.Body,
                ArrowFunctionExpression { Body: BlockStatement b } => b,
                _ => null,
            };
            if (body is not null && body.Body.Count >= 2 && body.End - body.Start > bestLength)
            {
                bestLength = body.End - body.Start;
                best = (body, name ?? $"<anonymous@{node.Location.Start.Line}>");
            }
        }

        void Walk(Node node, string? name)
        {
            Consider(node, name);
            foreach (var child in node.ChildNodes)
            {
                Walk(child, null);
            }
        }

        // `const createUser = async (req, res) => {...}`: the fragments belong to createUser.
        if (statement is VariableDeclaration { Declarations.Count: 1 } declaration && declaration.Declarations[0] is { Id: Identifier id, Init: { } init })
        {
            Consider(init, id.Name);
        }

        Walk(statement, null);
        return best;
    }

    private static void AttachStatementFacts(in NodeList<Statement> statements, List<Piece> pieces)
    {
        var p = 0;
        foreach (var statement in statements)
        {
            while (p < pieces.Count - 1 && pieces[p].End <= statement.Start)
            {
                p++;
            }

            var piece = pieces[p];
            piece.Imports.AddRange(JavaScriptImports.BindingsOf(statement));
            foreach (var name in ExportNames(statement))
            {
                piece.ExtraDefines.Add(name);
            }
        }
    }

    private static IEnumerable<string> ExportNames(Statement statement)
    {
        switch (statement)
        {
            case ExportDefaultDeclaration:
                yield return "default";
                break;
            case ExportNamedDeclaration named:
                foreach (var specifier in named.Specifiers)
                {
                    if (specifier.Exported is Identifier exported)
                    {
                        yield return exported.Name;
                    }
                    else if (specifier.Exported is StringLiteral literal)
                    {
                        yield return literal.Value;
                    }
                }

                break;
            case ExpressionStatement { Expression: AssignmentExpression { Left: MemberExpression target } }:
                if (IsModuleExports(target))
                {
                    yield return "default";
                }
                else if (!target.Computed && target.Property is Identifier property && (target.Object is Identifier { Name: "exports" } || (target.Object is MemberExpression inner && IsModuleExports(inner))))
                {
                    yield return property.Name;
                }

                break;
        }
    }

    private static bool IsModuleExports(MemberExpression member) =>
        member is { Computed: false, Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } };

    private static List<Atom> BuildAtoms(string path, string text, List<Piece> pieces, JavaScriptScopeAnalysis analysis, bool commonJs)
    {
        var lines = new LineMap(text);
        var atoms = new List<Atom>(pieces.Count);

        // The analyzer reports in traversal order, which is almost but not always source order.
        var bindings = analysis.ModuleBindings.OrderBy(b => b.Offset).ToList();
        var references = analysis.References.OrderBy(r => r.Offset).ToList();
        var bindingIndex = 0;
        var referenceIndex = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var defines = new List<string>();
            var defined = new HashSet<string>(StringComparer.Ordinal);
            while (bindingIndex < bindings.Count && bindings[bindingIndex].Offset < piece.End)
            {
                var name = bindings[bindingIndex++].Name;
                if (defined.Add(name))
                {
                    defines.Add(name);
                }
            }

            foreach (var name in piece.ExtraDefines)
            {
                if (defined.Add(name))
                {
                    defines.Add(name);
                }
            }

            var uses = new List<string>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            while (referenceIndex < references.Count && references[referenceIndex].Offset < piece.End)
            {
                var reference = references[referenceIndex++];
                var isProjectName = reference.Binding == NameBinding.Module
                    || (reference.Binding == NameBinding.Free && !JavaScriptGlobals.IsPredefined(reference.Name, commonJs));
                if (isProjectName && !defined.Contains(reference.Name) && used.Add(reference.Name))
                {
                    uses.Add(reference.Name);
                }
            }

            var (startLine, endLine) = lines.LinesOf(piece.Start, piece.End);
            atoms.Add(new Atom(
                path, i, SourceLanguage.JavaScript, piece.Kind, piece.Scope, startLine, endLine, piece.Start, piece.End,
                text[piece.Start..piece.End], defines, uses, piece.Imports.ToArray()));
        }

        return atoms;
    }
}
