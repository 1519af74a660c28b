using System.Text;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Atomization.Python;
using Mge.CodeIntelligence.Languages.Python.Analysis;
using Mge.CodeIntelligence.Languages.Python.Parsing;

namespace Mge.CodeIntelligence.Languages.Python;

/// <summary>
/// Python 3.12 for MGE: validation (syntax, imports, undefined names, and types when an external checker is
/// configured and present) and atomization. Stateless and thread-safe; per-project facts are cached on the
/// <see cref="ProjectContext"/> instance.
/// </summary>
public sealed class PythonLanguageService : ILanguageService
{
    public const string SyntaxCheck = "syntax";
    public const string ImportsCheck = "imports";
    public const string NamesCheck = "names";
    public const string TypesCheck = "types";
    public const string EncodingCode = "encoding";
    public const string ChecksSkippedCode = "checks-skipped";

    private readonly PythonLanguageServiceOptions _options;
    private readonly PythonAtomizer _atomizer;
    private readonly PythonTypeChecker _typeChecker;

    public PythonLanguageService()
        : this(PythonLanguageServiceOptions.Default)
    {
    }

    public PythonLanguageService(PythonLanguageServiceOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _atomizer = new PythonAtomizer(_options.Atomizer);
        _typeChecker = new PythonTypeChecker(_options.TypeCheck);
    }

    public SourceLanguage Language => SourceLanguage.Python;

    public IReadOnlyList<string> FileExtensions { get; } = [".py", ".pyi"];

    public FileValidation Validate(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(project);
        var parsed = PythonParser.Parse(file.Text, cancellationToken);
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        var performed = new List<string> { SyntaxCheck };
        var skipped = new List<string>();
        if (parsed.Tree is null)
        {
            skipped.AddRange([ImportsCheck, NamesCheck, TypesCheck]);
            diagnostics.Add(new Diagnostic(1, 1, DiagnosticSeverity.Info, ChecksSkippedCode,
                "imports, names and types not checked: the file has syntax errors"));
            return new FileValidation(file.Path, Language, diagnostics, performed, skipped);
        }

        var analysis = PythonProjectAnalysis.For(project);
        diagnostics.AddRange(PythonImportChecker.Check(file, parsed.Tree, analysis, cancellationToken));
        performed.Add(ImportsCheck);

        var path = PythonModuleNames.NormalizePath(file.Path);
        var model = PythonScopeModel.Build(parsed.Tree, PythonModuleNames.IsPackageInit(path),
            star => analysis.StarImportNames(star, path, cancellationToken), cancellationToken);
        diagnostics.AddRange(PythonUndefinedNameChecker.Check(model));
        performed.Add(NamesCheck);

        var types = _typeChecker.Check(file, project, cancellationToken);
        diagnostics.AddRange(types.Diagnostics);
        (types.Performed ? performed : skipped).Add(TypesCheck);
        return new FileValidation(file.Path, Language, diagnostics, performed, skipped);
    }

    /// <summary>
    /// Validates a file given as raw bytes: invalid UTF-8 is reported (code <c>encoding</c>) instead of being
    /// decoded with replacement characters; a UTF-8 BOM is kept in the text.
    /// </summary>
    public FileValidation Validate(string path, ReadOnlySpan<byte> content, ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Decode(content, out var text) is { } problem)
        {
            return new FileValidation(path, Language, [problem], [], [SyntaxCheck, ImportsCheck, NamesCheck, TypesCheck]);
        }

        return Validate(new SourceFile(path, text), project, cancellationToken);
    }

    public AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default) => _atomizer.Atomize(file, cancellationToken);

    /// <summary>Atomizes a file given as raw bytes; invalid UTF-8 yields an <c>encoding</c> error and no atoms.</summary>
    public AtomizedFile Atomize(string path, ReadOnlySpan<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Decode(content, out var text) is { } problem
            ? new AtomizedFile(path, Language, [], [problem])
            : Atomize(new SourceFile(path, text), cancellationToken);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Strict UTF-8 decoding (Python source is UTF-8 by default); null on success, else the diagnostic.</summary>
    private static Diagnostic? Decode(ReadOnlySpan<byte> content, out string text)
    {
        try
        {
            // GetString keeps a leading BOM as U+FEFF, so atoms still join back to the exact bytes.
            text = StrictUtf8.GetString(content);
            return null;
        }
        catch (DecoderFallbackException exception)
        {
            text = string.Empty;
            var offset = exception.Index >= 0 ? exception.Index : 0;
            var valid = content[..Math.Min(offset, content.Length)];
            var line = 1 + valid.Count((byte)'\n');
            return new Diagnostic(line, 1, DiagnosticSeverity.Error, EncodingCode,
                $"file is not valid UTF-8 (first invalid byte near offset {offset}); Python source must be UTF-8");
        }
    }
}
