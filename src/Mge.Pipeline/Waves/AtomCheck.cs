using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Waves;

/// <summary>
/// Checks one atom in the context of what earlier waves defined: (a) its file, reassembled from the current
/// atoms with the atom's candidate code, still parses, syntax errors on the atom's lines counting against it
/// (and, for a changed atom, any syntax error the change adds elsewhere in the file); (b) every name it uses
/// is bound by itself, by an import of its file, by an atom of its file in an earlier wave or in its own
/// dependency cycle, or by an earlier wave anywhere; names no atom defines are left to the language service,
/// whose undefined-name findings on the atom's lines count against it.
/// </summary>
internal sealed class AtomCheck
{
    private readonly ILanguageService? _service;
    private readonly ProjectContext _project;
    private readonly IReadOnlyList<AtomRecord> _fileAtoms;
    private readonly IReadOnlyDictionary<string, int> _cycleOf;
    private readonly IReadOnlyDictionary<string, List<AtomRecord>> _definersAnywhere;
    private readonly Dictionary<string, FileValidation> _validations;

    /// <param name="validations">
    /// Validations already done, by path and text, shared by the checks of one batch: most atoms pass as they
    /// are, so the atoms of one file see the same file text and it is validated once, not once per atom.
    /// </param>
    public AtomCheck(
        ILanguageService? service,
        ProjectContext project,
        IReadOnlyList<AtomRecord> fileAtoms,
        IReadOnlyDictionary<string, int> cycleOf,
        IReadOnlyDictionary<string, List<AtomRecord>> definersAnywhere,
        Dictionary<string, FileValidation> validations)
    {
        _validations = validations;
        _service = service;
        _project = project;
        _fileAtoms = fileAtoms;
        _cycleOf = cycleOf;
        _definersAnywhere = definersAnywhere;
    }

    /// <summary>Whether the file can be checked at all (a language service handles it).</summary>
    public bool CanCheck => _service is not null;

    /// <summary>The errors of <paramref name="atom"/> with <paramref name="code"/> in its place; empty when it passes.</summary>
    public IReadOnlyList<string> Run(AtomRecord atom, string code, CancellationToken cancellationToken)
    {
        if (_service is null)
        {
            return [$"no language service handles '{Path.GetExtension(atom.FilePath)}' files, so {atom.FilePath} cannot be checked"];
        }

        var errors = new List<string>();
        var (text, startLine, endLine) = Reassemble(atom, code);
        var validation = Validate(text, atom.FilePath, cancellationToken);
        foreach (var d in validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Line >= startLine && d.Line <= endLine))
        {
            if (IsSyntax(d) || d.Code == "undefined-name")
            {
                errors.Add($"line {d.Line - startLine + 1} of the atom (file line {d.Line}): {d.Code}: {d.Message}");
            }
        }

        var original = atom.OriginalCode ?? atom.Code;
        if (!string.Equals(code, original, StringComparison.Ordinal))
        {
            // A changed atom must not break the rest of its file (an unclosed bracket shows up further down).
            var (baseText, baseStart, baseEnd) = Reassemble(atom, original);
            var before = Validate(baseText, atom.FilePath, cancellationToken).Diagnostics.Count(d => IsSyntax(d) && (d.Line < baseStart || d.Line > baseEnd));
            var after = validation.Diagnostics.Where(d => IsSyntax(d) && (d.Line < startLine || d.Line > endLine)).ToList();
            if (after.Count > before)
            {
                errors.Add($"the change breaks the file outside the atom: line {after[0].Line}: {after[0].Message}");
            }
        }

        errors.AddRange(CheckNames(atom));
        return errors;
    }

    /// <summary>The code of the atoms that define what <paramref name="atom"/> uses (its own file first), for a repair prompt.</summary>
    public IReadOnlyList<string> DependencyCode(AtomRecord atom, int maxAtoms = 8)
    {
        var found = new List<AtomRecord>();
        foreach (var name in atom.Uses)
        {
            var local = _fileAtoms.Where(a => a.Index != atom.Index && Binds(a, name));
            var elsewhere = _definersAnywhere.TryGetValue(name, out var definers) ? definers.Where(a => a.FilePath != atom.FilePath) : [];
            foreach (var definer in local.Concat(elsewhere))
            {
                if (found.Count >= maxAtoms)
                {
                    break;
                }

                if (!found.Any(f => f.RowKey == definer.RowKey))
                {
                    found.Add(definer);
                }
            }
        }

        return found.Select(a => $"# {a.FilePath} (atom {a.Index})\n{a.Code}").ToList();
    }

    private IEnumerable<string> CheckNames(AtomRecord atom)
    {
        var imported = new HashSet<string>(_fileAtoms.SelectMany(a => a.Imports).Select(i => i.LocalName), StringComparer.Ordinal);
        var own = new HashSet<string>(SymbolIndex.DefinedNames(atom.ToAtom()), StringComparer.Ordinal);
        _cycleOf.TryGetValue(atom.RowKey, out var cycle);
        var inCycle = _cycleOf.ContainsKey(atom.RowKey);

        foreach (var name in atom.Uses.Distinct(StringComparer.Ordinal))
        {
            var head = name.Split('.')[0];
            if (own.Contains(name) || own.Contains(head) || imported.Contains(head))
            {
                continue;
            }

            var local = _fileAtoms.Where(a => a.Index != atom.Index && Binds(a, head)).ToList();
            if (local.Count > 0)
            {
                var satisfied = local.Any(a => a.Wave < atom.Wave || (inCycle && _cycleOf.TryGetValue(a.RowKey, out var c) && c == cycle));
                if (!satisfied)
                {
                    var first = local[0];
                    yield return $"uses '{head}', which atom {first.RowKey} of {first.FilePath} defines in wave {first.Wave}, not before this atom's wave {atom.Wave}";
                }

                continue;
            }

            // Anything else is either defined by an earlier wave elsewhere, or a builtin/unknown name the
            // language service has judged on the atom's lines already.
        }
    }

    private static bool Binds(AtomRecord atom, string name) =>
        atom.Defines.Contains(name, StringComparer.Ordinal) || atom.Imports.Any(i => i.LocalName == name);

    private static bool IsSyntax(Diagnostic d) =>
        d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("syntax", StringComparison.Ordinal);

    private (string Text, int StartLine, int EndLine) Reassemble(AtomRecord atom, string code)
    {
        var builder = new System.Text.StringBuilder();
        var startLine = 1;
        var placed = false;
        foreach (var other in _fileAtoms)
        {
            if (other.Index == atom.Index)
            {
                startLine = 1 + CountNewlines(builder);
                builder.Append(code);
                placed = true;
            }
            else
            {
                builder.Append(other.Code);
            }
        }

        if (!placed)
        {
            throw new InvalidOperationException($"Atom {atom.RowKey} is not among the atoms of {atom.FilePath}.");
        }

        var lines = Math.Max(1, code.Count(c => c == '\n') + (code.EndsWith('\n') ? 0 : 1));
        return (builder.ToString(), startLine, startLine + lines - 1);
    }

    private static int CountNewlines(System.Text.StringBuilder builder)
    {
        var count = 0;
        foreach (var chunk in builder.GetChunks())
        {
            count += chunk.Span.Count('\n');
        }

        return count;
    }

    private FileValidation Validate(string text, string path, CancellationToken cancellationToken)
    {
        var key = path + "\0" + text;
        if (!_validations.TryGetValue(key, out var validation))
        {
            validation = _service!.Validate(new SourceFile(path, text), _project, cancellationToken);
            _validations[key] = validation;
        }

        return validation;
    }
}
