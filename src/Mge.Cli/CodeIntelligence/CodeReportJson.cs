using System.Text.Json;
using System.Text.Json.Nodes;
using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;

namespace Mge.Cli.CodeIntelligence;

/// <summary>
/// The machine-readable shapes of the code-intelligence commands (snake_case, enums in lower case).
/// Built by hand rather than by reflection so the output format is a deliberate contract, not an accident
/// of the records' member names.
/// </summary>
public static class CodeReportJson
{
    /// <summary>Compact (one object per line) output for JSON-lines streams.</summary>
    public static JsonSerializerOptions Compact { get; } = new() { WriteIndented = false };

    public static string Name(SourceLanguage language) => language.ToString().ToLowerInvariant();

    public static string Name(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>"ClassHeader" becomes "class_header".</summary>
    public static string Name(AtomKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static JsonObject Validation(string path, FileValidation validation) => new()
    {
        ["path"] = path,
        ["project_path"] = validation.Path,
        ["language"] = Name(validation.Language),
        ["valid"] = validation.IsValid,
        ["errors"] = validation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
        ["warnings"] = validation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
        ["diagnostics"] = Diagnostics(validation.Diagnostics),
        ["checks_performed"] = Strings(validation.ChecksPerformed),
        ["checks_skipped"] = Strings(validation.ChecksSkipped),
    };

    public static JsonObject Atomization(string path, AtomizedFile file) => new()
    {
        ["path"] = path,
        ["project_path"] = file.Path,
        ["language"] = Name(file.Language),
        ["succeeded"] = file.Succeeded,
        ["diagnostics"] = Diagnostics(file.Diagnostics),
        ["atoms"] = new JsonArray(file.Atoms.Select(a => (JsonNode)AtomJson(a, includeFile: false)).ToArray()),
    };

    public static JsonObject Waves(string root, IReadOnlyList<Atom> atoms, WavePlan plan, IReadOnlyList<AtomizedFile> failedFiles, int maxWaveSize) => new()
    {
        ["root"] = root,
        ["max_wave_size"] = maxWaveSize,
        ["files"] = atoms.Select(a => a.FilePath).Distinct(StringComparer.Ordinal).Count(),
        ["atom_count"] = atoms.Count,
        ["edge_count"] = plan.Edges.Count,
        ["wave_count"] = plan.Waves.Count,
        ["cycle_count"] = plan.Cycles.Count,
        ["atoms"] = new JsonArray(atoms.Select(a => (JsonNode)AtomJson(a, includeFile: true)).ToArray()),
        ["edges"] = new JsonArray(plan.Edges.Select(e => (JsonNode)Edge(e)).ToArray()),
        ["waves"] = new JsonArray(plan.Waves.Select((wave, i) => (JsonNode)new JsonObject
        {
            ["wave"] = i + 1,
            ["atoms"] = Strings(wave),
        }).ToArray()),
        ["cycles"] = new JsonArray(plan.Cycles.Select(c => (JsonNode)new JsonObject
        {
            ["atoms"] = Strings(c.AtomIds),
            ["broken_edges"] = new JsonArray(c.BrokenEdges.Select(e => (JsonNode)Edge(e)).ToArray()),
        }).ToArray()),
        ["files_not_atomized"] = new JsonArray(failedFiles.Select(f => (JsonNode)new JsonObject
        {
            ["path"] = f.Path,
            ["diagnostics"] = Diagnostics(f.Diagnostics),
        }).ToArray()),
    };

    private static JsonObject AtomJson(Atom atom, bool includeFile)
    {
        var json = new JsonObject();
        if (includeFile)
        {
            json["id"] = atom.Id;
            json["file"] = atom.FilePath;
        }

        json["index"] = atom.Index;
        json["kind"] = Name(atom.Kind);
        json["scope"] = atom.Scope;
        json["start_line"] = atom.StartLine;
        json["end_line"] = atom.EndLine;
        json["start_offset"] = atom.StartOffset;
        json["end_offset"] = atom.EndOffset;
        json["defines"] = Strings(atom.Defines);
        json["uses"] = Strings(atom.Uses);
        json["imports"] = new JsonArray(atom.Imports.Select(i => (JsonNode)new JsonObject
        {
            ["module"] = i.Module,
            ["imported_name"] = i.ImportedName,
            ["local_name"] = i.LocalName,
            ["level"] = i.Level,
        }).ToArray());
        return json;
    }

    private static JsonObject Edge(AtomEdge edge) => new()
    {
        ["from"] = edge.From,
        ["to"] = edge.To,
        ["symbol"] = edge.Symbol,
    };

    private static JsonArray Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        new(diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["severity"] = Name(d.Severity),
            ["code"] = d.Code,
            ["message"] = d.Message,
        }).ToArray());

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
