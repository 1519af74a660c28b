using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.Python.Analysis;
using Mge.CodeIntelligence.Languages.Python.Parsing;
using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Atomization.Python;

/// <summary>
/// Cuts a Python file into atoms along its syntax tree: grouped imports, one atom per function, a header
/// atom per class followed by one atom per method, groups of other statements, long functions split into a
/// first part and fragments. Lossless: the atoms' code joined in order is the file, byte for byte (a BOM and
/// any leading comments go to the first atom, trailing comments to a final trivia atom). Each atom lists the
/// names it defines, the module- and class-level names it reads without binding them itself, and its imports.
/// </summary>
public sealed class PythonAtomizer
{
    private readonly PythonAtomizerOptions _options;

    public PythonAtomizer(PythonAtomizerOptions? options = null)
    {
        _options = options ?? PythonAtomizerOptions.Default;
        if (_options.TargetLines < 1 || _options.SplitFunctionsOver < 1 || _options.MaxImportLines < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options, "Atom size limits must be at least one line.");
        }
    }

    /// <summary>Parses and atomizes a file; a file that does not parse yields its diagnostics and no atoms.</summary>
    public AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var parsed = PythonParser.Parse(file.Text, cancellationToken);
        if (parsed.Tree is null || parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new AtomizedFile(file.Path, SourceLanguage.Python, [], parsed.Diagnostics);
        }

        var model = PythonScopeModel.Build(parsed.Tree, PythonModuleNames.IsPackageInit(file.Path), cancellationToken: cancellationToken);
        return new AtomizedFile(file.Path, SourceLanguage.Python, Atomize(file.Path, file.Text, parsed.Tree, model, cancellationToken), parsed.Diagnostics);
    }

    /// <summary>Atomizes an already parsed and analysed file (the tree and model must come from <paramref name="text"/>).</summary>
    public IReadOnlyList<Atom> Atomize(string path, string text, Module tree, PythonScopeModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(model);
        var lines = new SourceLineIndex(text);
        var plan = new PythonAtomPlanner(text, lines, _options).Plan(tree, cancellationToken);
        var facts = new AtomFacts(model, tree);
        var atoms = new List<Atom>(plan.Count);
        var start = 0;
        foreach (var planned in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = planned.EndOffset;
            if (end <= start)
            {
                throw new InvalidOperationException($"Atom plan for {path} is not increasing at offset {start}.");
            }

            atoms.Add(new Atom(
                path,
                atoms.Count,
                SourceLanguage.Python,
                planned.Kind,
                planned.Scope,
                lines.LineOf(start),
                lines.LineOf(end - 1),
                start,
                end,
                text[start..end],
                facts.DefinesIn(start, end),
                facts.UsesIn(start, end),
                facts.ImportsIn(start, end)));
            start = end;
        }

        return atoms;
    }
}
