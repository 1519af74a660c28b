using Acornima.Ast;
using Mge.CodeIntelligence.Atomization;

namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// Finds the modules a file loads (ES import/export-from, dynamic <c>import('x')</c> and <c>require('x')</c>
/// with a literal specifier) and the names top-level statements bind from them.
/// </summary>
internal static class JavaScriptImports
{
    /// <summary>Every literal module request anywhere in the file, in source order.</summary>
    public static IReadOnlyList<ModuleRequest> FindRequests(ParsedJavaScript parsed)
    {
        var requests = new List<ModuleRequest>();
        Collect(parsed.Program, requests);
        return requests;
    }

    /// <summary>
    /// True for statements that only load modules: ES imports, <c>require('x');</c>, and declarations whose
    /// every initialiser is a <c>require('x')</c> (optionally followed by a property access).
    /// </summary>
    public static bool IsImportStatement(Statement statement) => statement switch
    {
        ImportDeclaration => true,
        ExpressionStatement { Expression: CallExpression call } => RequireSpecifier(call) is not null,
        VariableDeclaration declaration => declaration.Declarations.Count > 0
            && declaration.Declarations.All(d => d.Init is not null && RequiredModule(d.Init) is not null),
        _ => false,
    };

    /// <summary>
    /// The names a top-level statement binds from other modules. ES: default/named/namespace specifiers
    /// ("default", name, "*"), re-exports (export name as local name). CommonJS: <c>const x = require('m')</c>
    /// is ("m", "default", "x") since require returns module.exports; <c>const {a, b: c} = require('m')</c>
    /// gives ("m", "a", "a") and ("m", "b", "c"); <c>const y = require('m').y</c> gives ("m", "y", "y").
    /// Side-effect imports bind nothing and are not listed.
    /// </summary>
    public static IReadOnlyList<ImportReference> BindingsOf(Statement statement)
    {
        var references = new List<ImportReference>();
        switch (statement)
        {
            case ImportDeclaration import:
                foreach (var specifier in import.Specifiers)
                {
                    var imported = specifier switch
                    {
                        ImportDefaultSpecifier => "default",
                        ImportNamespaceSpecifier => "*",
                        ImportSpecifier named => ModuleExportName(named.Imported),
                        _ => null,
                    };
                    if (imported is not null && specifier.Local is Identifier local)
                    {
                        references.Add(new ImportReference(import.Source.Value, imported, local.Name));
                    }
                }

                break;
            case ExportNamedDeclaration { Source: not null } reExport:
                foreach (var specifier in reExport.Specifiers)
                {
                    var local = ModuleExportName(specifier.Local);
                    var exported = ModuleExportName(specifier.Exported);
                    if (local is not null && exported is not null)
                    {
                        references.Add(new ImportReference(reExport.Source.Value, local, exported));
                    }
                }

                break;
            case VariableDeclaration declaration:
                foreach (var declarator in declaration.Declarations)
                {
                    if (declarator.Init is null || RequiredModule(declarator.Init) is not { } required)
                    {
                        continue;
                    }

                    switch (declarator.Id)
                    {
                        case Identifier name:
                            references.Add(new ImportReference(required.Specifier, required.Property ?? "default", name.Name));
                            break;
                        case ObjectPattern pattern when required.Property is null:
                            foreach (var property in pattern.Properties)
                            {
                                if (property is Property { Computed: false, Key: Identifier key } p && LocalName(p.Value) is { } localName)
                                {
                                    references.Add(new ImportReference(required.Specifier, key.Name, localName));
                                }
                            }

                            break;
                    }
                }

                break;
        }

        return references;
    }

    private static (string Specifier, string? Property)? RequiredModule(Expression init) => init switch
    {
        CallExpression call when RequireSpecifier(call) is { } specifier => (specifier, null),
        MemberExpression { Computed: false, Object: CallExpression call, Property: Identifier property } when RequireSpecifier(call) is { } specifier => (specifier, property.Name),
        _ => null,
    };

    private static string? LocalName(Node value) => value switch
    {
        Identifier identifier => identifier.Name,
        AssignmentPattern { Left: Identifier identifier } => identifier.Name,
        _ => null,
    };

    private static string? ModuleExportName(Expression? expression) => expression switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        _ => null,
    };

    internal static string? RequireSpecifier(CallExpression call) =>
        call is { Callee: Identifier { Name: "require" }, Arguments.Count: 1 } && call.Arguments[0] is StringLiteral literal
            ? literal.Value
            : null;

    private static void Collect(Node node, List<ModuleRequest> requests)
    {
        switch (node)
        {
            case ImportDeclaration import:
                requests.Add(Request(import.Source.Value, import.Source, "import"));
                return;
            case ExportNamedDeclaration { Source: not null } export:
                requests.Add(Request(export.Source.Value, export.Source, "export-from"));
                return;
            case ExportAllDeclaration exportAll:
                requests.Add(Request(exportAll.Source.Value, exportAll.Source, "export-from"));
                return;
            case ImportExpression { Source: StringLiteral literal }:
                requests.Add(Request(literal.Value, literal, "import()"));
                break;
            case CallExpression call when RequireSpecifier(call) is { } specifier:
                requests.Add(Request(specifier, call.Arguments[0], "require"));
                break;
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, requests);
        }
    }

    private static ModuleRequest Request(string specifier, Node at, string form) =>
        new(specifier, at.Location.Start.Line, at.Location.Start.Column + 1, form);
}
