using Acornima.Ast;

namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// Resolves every identifier of a file to its scope. Declarations are collected for the whole file first
/// and references resolved afterwards, so hoisting (var, function) and use-before-declaration in closures
/// need no special ordering. Property keys, non-computed member names, labels, meta properties and
/// import/export specifier names are not references. <c>var</c> and function declarations hoist to the
/// enclosing function; <c>let</c>/<c>const</c>/<c>class</c> stay in their block; a function declared in a
/// block is also visible in the enclosing function (the web-compatibility rule sloppy scripts follow).
/// </summary>
internal sealed class JavaScriptScopeAnalyzer
{
    private readonly List<(string Name, int Offset, int Line, int Column, Scope Scope, bool Guarded, bool InWith)> _pending = [];
    private readonly List<ModuleBinding> _moduleBindings = [];
    private readonly Scope _moduleScope;
    private Scope _scope;
    private int _withDepth;

    private JavaScriptScopeAnalyzer()
    {
        _moduleScope = new Scope(null, isFunction: true);
        _scope = _moduleScope;
    }

    public static JavaScriptScopeAnalysis Analyze(ParsedJavaScript parsed)
    {
        var analyzer = new JavaScriptScopeAnalyzer();
        foreach (var statement in parsed.Program.Body)
        {
            analyzer.Visit(statement);
        }

        var references = new List<NameReference>(analyzer._pending.Count);
        foreach (var (name, offset, line, column, scope, guarded, inWith) in analyzer._pending)
        {
            var binding = NameBinding.Free;
            for (var s = scope; s is not null; s = s.Parent)
            {
                if (s.Names.Contains(name))
                {
                    binding = ReferenceEquals(s, analyzer._moduleScope) ? NameBinding.Module : NameBinding.Local;
                    break;
                }
            }

            references.Add(new NameReference(name, offset, line, column, binding, guarded, inWith));
        }

        return new JavaScriptScopeAnalysis(references, analyzer._moduleBindings);
    }

    private void Visit(Node? node, bool typeofGuarded = false)
    {
        switch (node)
        {
            case null:
                return;
            case Identifier identifier:
                _pending.Add((identifier.Name, identifier.Start, identifier.Location.Start.Line, identifier.Location.Start.Column + 1, _scope, typeofGuarded, _withDepth > 0));
                return;
            case UnaryExpression { Operator: Acornima.Operator.TypeOf, Argument: Identifier argument }:
                Visit(argument, typeofGuarded: true);
                return;
            case MemberExpression member:
                Visit(member.Object);
                if (member.Computed)
                {
                    Visit(member.Property);
                }

                return;
            case Property property:
                if (property.Computed)
                {
                    Visit(property.Key);
                }

                Visit(property.Value);
                return;
            case MethodDefinition or PropertyDefinition or AccessorProperty:
                VisitClassMember((ClassProperty)node);
                return;
            case LabeledStatement labeled:
                Visit(labeled.Body);
                return;
            case BreakStatement or ContinueStatement or MetaProperty or ExportAllDeclaration or DebuggerStatement:
                return;
            case ImportDeclaration import:
                foreach (var specifier in import.Specifiers)
                {
                    Declare(specifier.Local, _moduleScope);
                }

                return;
            case ExportNamedDeclaration export:
                if (export.Declaration is not null)
                {
                    Visit(export.Declaration);
                }
                else if (export.Source is null)
                {
                    foreach (var specifier in export.Specifiers)
                    {
                        Visit(specifier.Local);
                    }
                }

                return;
            case ExportDefaultDeclaration exportDefault:
                Visit(exportDefault.Declaration);
                return;
            case VariableDeclaration declaration:
                VisitVariableDeclaration(declaration);
                return;
            case FunctionDeclaration function:
                if (function.Id is not null)
                {
                    Declare(function.Id, _scope);
                    if (!_scope.IsFunction)
                    {
                        Declare(function.Id, NearestFunctionScope());
                    }
                }

                VisitFunction(function.Params, function.Body, ownName: null);
                return;
            case FunctionExpression function:
                VisitFunction(function.Params, function.Body, function.Id);
                return;
            case ArrowFunctionExpression arrow:
                VisitFunction(arrow.Params, arrow.Body, ownName: null);
                return;
            case ClassDeclaration classDeclaration:
                if (classDeclaration.Id is not null)
                {
                    Declare(classDeclaration.Id, _scope);
                }

                VisitClass(classDeclaration);
                return;
            case ClassExpression classExpression:
                VisitClass(classExpression);
                return;
            case CatchClause catchClause:
                InScope(isFunction: false, () =>
                {
                    DeclarePattern(catchClause.Param, _scope);
                    VisitStatements(catchClause.Body.Body);
                });
                return;
            case BlockStatement block:
                InScope(isFunction: false, () => VisitStatements(block.Body));
                return;
            case ForStatement or ForInStatement or ForOfStatement or SwitchStatement:
                InScope(isFunction: false, () => VisitChildren(node));
                return;
            case WithStatement with:
                Visit(with.Object);
                _withDepth++;
                Visit(with.Body);
                _withDepth--;
                return;
            case AssignmentExpression assignment:
                VisitAssignmentTarget(assignment.Left);
                Visit(assignment.Right);
                return;
            default:
                VisitChildren(node);
                return;
        }
    }

    private void VisitChildren(Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is ObjectPattern or ArrayPattern)
            {
                // A destructuring pattern outside a declaration is an assignment target (for ({a} of xs)).
                VisitAssignmentTarget(child);
            }
            else
            {
                Visit(child);
            }
        }
    }

    private void VisitStatements(in NodeList<Statement> statements)
    {
        foreach (var statement in statements)
        {
            Visit(statement);
        }
    }

    private void VisitClassMember(ClassProperty member)
    {
        if (member.Computed)
        {
            Visit(member.Key);
        }

        switch (member)
        {
            case MethodDefinition method:
                foreach (var decorator in method.Decorators)
                {
                    Visit(decorator);
                }

                Visit(method.Value);
                break;
            case PropertyDefinition property:
                foreach (var decorator in property.Decorators)
                {
                    Visit(decorator);
                }

                InScope(isFunction: true, () => Visit(property.Value));
                break;
            case AccessorProperty accessor:
                foreach (var decorator in accessor.Decorators)
                {
                    Visit(decorator);
                }

                InScope(isFunction: true, () => Visit(accessor.Value));
                break;
        }
    }

    private void VisitClass(IClass classNode)
    {
        foreach (var decorator in classNode.Decorators)
        {
            Visit(decorator);
        }

        Visit(classNode.SuperClass);
        InScope(isFunction: false, () =>
        {
            if (classNode is ClassExpression { Id: not null } expression)
            {
                Declare(expression.Id, _scope);
            }

            foreach (var element in classNode.Body.Body)
            {
                if (element is StaticBlock staticBlock)
                {
                    InScope(isFunction: true, () => VisitStatements(staticBlock.Body));
                }
                else
                {
                    Visit(element);
                }
            }
        });
    }

    private void VisitFunction(in NodeList<Node> parameters, StatementOrExpression body, Identifier? ownName)
    {
        var parameterList = parameters.ToArray();
        InScope(isFunction: true, () =>
        {
            if (ownName is not null)
            {
                Declare(ownName, _scope);
            }

            foreach (var parameter in parameterList)
            {
                DeclarePattern(parameter, _scope);
            }

            if (body is BlockStatement block)
            {
                VisitStatements(block.Body);
            }
            else
            {
                Visit(body);
            }
        });
    }

    private void VisitVariableDeclaration(VariableDeclaration declaration)
    {
        var target = declaration.Kind == VariableDeclarationKind.Var ? NearestFunctionScope() : _scope;
        foreach (var declarator in declaration.Declarations)
        {
            DeclarePattern(declarator.Id, target);
            Visit(declarator.Init);
        }
    }

    /// <summary>Declares the names of a binding pattern and visits its defaults and computed keys as reads.</summary>
    private void DeclarePattern(Node? pattern, Scope target)
    {
        switch (pattern)
        {
            case null:
                return;
            case Identifier identifier:
                Declare(identifier, target);
                return;
            case ObjectPattern objectPattern:
                foreach (var property in objectPattern.Properties)
                {
                    if (property is Property { Computed: true } computed)
                    {
                        Visit(computed.Key);
                    }

                    DeclarePattern(property is Property p ? p.Value : property, target);
                }

                return;
            case ArrayPattern arrayPattern:
                foreach (var element in arrayPattern.Elements)
                {
                    DeclarePattern(element, target);
                }

                return;
            case RestElement rest:
                DeclarePattern(rest.Argument, target);
                return;
            case AssignmentPattern assignment:
                DeclarePattern(assignment.Left, target);
                Visit(assignment.Right);
                return;
            default:
                Visit(pattern);
                return;
        }
    }

    /// <summary>The left side of an assignment: identifiers in it are references (writes), members are visited normally.</summary>
    private void VisitAssignmentTarget(Node? target)
    {
        switch (target)
        {
            case null:
                return;
            case ObjectPattern objectPattern:
                foreach (var property in objectPattern.Properties)
                {
                    if (property is Property prop)
                    {
                        if (prop.Computed)
                        {
                            Visit(prop.Key);
                        }

                        VisitAssignmentTarget(prop.Value);
                    }
                    else
                    {
                        VisitAssignmentTarget(property);
                    }
                }

                return;
            case ArrayPattern arrayPattern:
                foreach (var element in arrayPattern.Elements)
                {
                    VisitAssignmentTarget(element);
                }

                return;
            case RestElement rest:
                VisitAssignmentTarget(rest.Argument);
                return;
            case AssignmentPattern assignment:
                VisitAssignmentTarget(assignment.Left);
                Visit(assignment.Right);
                return;
            default:
                Visit(target);
                return;
        }
    }

    private void Declare(Identifier identifier, Scope target)
    {
        target.Names.Add(identifier.Name);
        if (ReferenceEquals(target, _moduleScope))
        {
            _moduleBindings.Add(new ModuleBinding(identifier.Name, identifier.Start));
        }
    }

    private Scope NearestFunctionScope()
    {
        var scope = _scope;
        while (!scope.IsFunction)
        {
            scope = scope.Parent!;
        }

        return scope;
    }

    private void InScope(bool isFunction, Action body)
    {
        var saved = _scope;
        _scope = new Scope(saved, isFunction);
        try
        {
            body();
        }
        finally
        {
            _scope = saved;
        }
    }

    private sealed class Scope(Scope? parent, bool isFunction)
    {
        public Scope? Parent { get; } = parent;

        public bool IsFunction { get; } = isFunction;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
