using System.Text.RegularExpressions;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;

namespace Mge.Pipeline.Tests.Atomization;

/// <summary>
/// A small, predictable stand-in for a language service over ".py" files, so that the phase tests do not
/// depend on the real parsers: an atom starts at every line that begins in column 0; "def f" / "class C" /
/// "x =" define names, "import m" / "from m import n" import them, calls "name(" are uses. Syntax: a line
/// whose parentheses do not balance, or a def/class line without a trailing ':', is an error; any name
/// starting with "undefined_" is reported as an undefined name.
/// </summary>
internal sealed partial class LineLanguageService : ILanguageService
{
    private static readonly HashSet<string> Builtins = ["print", "len", "str", "int", "range", "dict", "list"];

    public SourceLanguage Language => SourceLanguage.Python;

    public IReadOnlyList<string> FileExtensions { get; } = [".py"];

    public int ValidateCalls { get; private set; }

    public FileValidation Validate(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default)
    {
        ValidateCalls++;
        var diagnostics = SyntaxErrors(file.Text);
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in UndefinedPattern().Matches(lines[i]))
            {
                diagnostics.Add(new Diagnostic(i + 1, match.Index + 1, DiagnosticSeverity.Error, "undefined-name", $"undefined name '{match.Value}'"));
            }
        }

        return new FileValidation(file.Path, Language, diagnostics, ["syntax", "names"], ["types"]);
    }

    public AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default)
    {
        var errors = SyntaxErrors(file.Text);
        if (errors.Count > 0)
        {
            return new AtomizedFile(file.Path, Language, [], errors);
        }

        var atoms = new List<Atom>();
        var lines = Regex.Split(file.Text, "(?<=\n)");
        var chunk = new List<string>();
        var startLine = 1;
        var line = 1;
        var offset = 0;
        void Flush()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            var code = string.Concat(chunk);
            atoms.Add(MakeAtom(file.Path, atoms.Count, startLine, line - 1, offset, code));
            offset += code.Length;
            chunk.Clear();
        }

        foreach (var text in lines.Where(l => l.Length > 0))
        {
            if (chunk.Count > 0 && text.Length > 0 && !char.IsWhiteSpace(text[0]))
            {
                Flush();
                startLine = line;
            }

            chunk.Add(text);
            line++;
        }

        Flush();
        return new AtomizedFile(file.Path, Language, atoms, []);
    }

    private static Atom MakeAtom(string path, int index, int startLine, int endLine, int offset, string code)
    {
        var defines = new List<string>();
        var imports = new List<ImportReference>();
        var kind = AtomKind.Statement;
        var first = code.Split('\n')[0];
        if (DefinitionPattern().Match(first) is { Success: true } definition)
        {
            defines.Add(definition.Groups[2].Value);
            kind = definition.Groups[1].Value == "class" ? AtomKind.ClassHeader : AtomKind.Function;
        }
        else if (ImportPattern().Match(first) is { Success: true } import)
        {
            var local = import.Groups[1].Success ? import.Groups[1].Value : import.Groups[2].Value;
            imports.Add(new ImportReference(local, null, local));
            kind = AtomKind.Import;
        }
        else if (AssignmentPattern().Match(first) is { Success: true } assignment)
        {
            defines.Add(assignment.Groups[1].Value);
        }

        var uses = CallPattern().Matches(code).Select(m => m.Groups[1].Value)
            .Where(n => !Builtins.Contains(n) && !defines.Contains(n) && n is not "def" and not "class")
            .Distinct()
            .ToList();
        return new Atom(path, index, SourceLanguage.Python, kind, "", startLine, endLine, offset, offset + code.Length, code, defines, uses, imports);
    }

    private static List<Diagnostic> SyntaxErrors(string text)
    {
        var errors = new List<Diagnostic>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Count(c => c == '(') != line.Count(c => c == ')'))
            {
                errors.Add(new Diagnostic(i + 1, 1, DiagnosticSeverity.Error, "syntax", "unbalanced parentheses"));
            }
            else if (DefinitionPattern().IsMatch(line) && !line.TrimEnd().EndsWith(':'))
            {
                errors.Add(new Diagnostic(i + 1, 1, DiagnosticSeverity.Error, "syntax", "expected ':'"));
            }
        }

        return errors;
    }

    [GeneratedRegex(@"^(def|class)\s+(\w+)")]
    private static partial Regex DefinitionPattern();

    [GeneratedRegex(@"^(?:import\s+(\w+)|from\s+\S+\s+import\s+(\w+))")]
    private static partial Regex ImportPattern();

    [GeneratedRegex(@"^(\w+)\s*=")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"\bundefined_\w+")]
    private static partial Regex UndefinedPattern();

    [GeneratedRegex(@"\b(\w+)\(")]
    private static partial Regex CallPattern();
}
