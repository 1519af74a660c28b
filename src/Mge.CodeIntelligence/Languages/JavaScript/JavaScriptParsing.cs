using Acornima;
using Acornima.Ast;

namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// Parses a file the way Node 20 decides to run it: ".mjs" as an ES module, ".cjs" as a CommonJS script,
/// ".js" as a script unless it only parses as a module because of import/export syntax (there is no
/// package.json "type" to consult in a single file). Scripts may use a top-level <c>return</c> (they run
/// inside Node's CommonJS wrapper); both may start with a hashbang line.
/// </summary>
internal static class JavaScriptParsing
{
    // Acornima's Parser keeps per-parse state: one instance per thread, since language services are
    // called from parallel activities.
    private static readonly ThreadLocal<Parser> ScriptParsers = new(() => new Parser(new ParserOptions
    {
        EcmaVersion = EcmaVersion.Latest,
        AllowHashBang = true,
        AllowReturnOutsideFunction = true,
    }));

    private static readonly ThreadLocal<Parser> ModuleParsers = new(() => new Parser(new ParserOptions
    {
        EcmaVersion = EcmaVersion.Latest,
        AllowHashBang = true,
    }));

    /// <summary>The parsed file, or null with the syntax diagnostic Node would report.</summary>
    public static ParsedJavaScript? Parse(SourceFile file, out Diagnostic? syntaxError)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file.Path).ToLowerInvariant();
        syntaxError = null;

        if (extension == ".mjs")
        {
            return TryParse(file.Text, module: true, out syntaxError);
        }

        var script = TryParse(file.Text, module: false, out var scriptError);
        if (script is not null || extension == ".cjs")
        {
            syntaxError = scriptError;
            return script;
        }

        // A ".js" file that fails as a script is a module only when module syntax is what it needs.
        var module = TryParse(file.Text, module: true, out _);
        if (module is not null && HasModuleSyntax(module.Program))
        {
            return module;
        }

        syntaxError = scriptError;
        return null;
    }

    private static ParsedJavaScript? TryParse(string text, bool module, out Diagnostic? error)
    {
        error = null;
        try
        {
            Acornima.Ast.Program program = module ? ModuleParsers.Value!.ParseModule(text) : ScriptParsers.Value!.ParseScript(text);
            return new ParsedJavaScript(text, program, module);
        }
        catch (ParseErrorException ex)
        {
            // Acornima's line is 1-based and its column 0-based; diagnostics are 1-based both.
            error = new Diagnostic(Math.Max(1, ex.LineNumber), ex.Column + 1, DiagnosticSeverity.Error, "syntax", ex.Description ?? ex.Message);
            return null;
        }
    }

    private static bool HasModuleSyntax(Acornima.Ast.Program program)
    {
        foreach (var statement in program.Body)
        {
            if (statement is ImportDeclaration or ExportDeclaration)
            {
                return true;
            }
        }

        return false;
    }
}
