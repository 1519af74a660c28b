using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Atomization.JavaScript;

namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// TypeScript (.ts, .tsx) registered so that such files are recognised, and honest about it: Acornima
/// parses JavaScript only, so NOTHING is checked for TypeScript here. <see cref="Validate"/> reports an Info
/// diagnostic <c>typescript-not-parsed</c>, no checks performed, and syntax, imports, names and types all
/// skipped. <see cref="Atomize"/> returns the whole file as a single lossless atom (kind Statement) with no
/// defines, uses or imports, so TypeScript files pass through the pipeline unchanged.
/// </summary>
public sealed class TypeScriptLanguageService : ILanguageService
{
    private static readonly string[] Extensions = [".ts", ".tsx"];

    public SourceLanguage Language => SourceLanguage.TypeScript;

    public IReadOnlyList<string> FileExtensions => Extensions;

    public FileValidation Validate(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(project);
        cancellationToken.ThrowIfCancellationRequested();
        var notParsed = new Diagnostic(1, 1, DiagnosticSeverity.Info, "typescript-not-parsed", "TypeScript is not parsed here (the JavaScript parser cannot read it): syntax, imports, names and types were not checked.");
        return new FileValidation(file.Path, Language, [notParsed], [], ["syntax", "imports", "names", "types"]);
    }

    public AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        cancellationToken.ThrowIfCancellationRequested();
        if (file.Text.Length == 0)
        {
            return new AtomizedFile(file.Path, Language, [], []);
        }

        var (startLine, endLine) = new LineMap(file.Text).LinesOf(0, file.Text.Length);
        var atom = new Atom(file.Path, 0, Language, AtomKind.Statement, string.Empty, startLine, endLine, 0, file.Text.Length, file.Text, [], [], []);
        return new AtomizedFile(file.Path, Language, [atom], []);
    }
}
