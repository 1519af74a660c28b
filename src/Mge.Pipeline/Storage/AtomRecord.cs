using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;

namespace Mge.Pipeline.Storage;

/// <summary>
/// One atom (table "atoms", partition run id, row <see cref="RowKey"/> = "{file ordinal:D4}-{atom index:D5}"):
/// the <see cref="Atom"/>'s fields, the task it came from, its wave once planned, and after wave execution its
/// status (one of <see cref="AtomStates"/>), error and repair attempts. <see cref="Code"/> is the current code
/// (the repaired code after a repair; <see cref="OriginalCode"/> keeps the first version when they differ).
/// </summary>
public sealed record AtomRecord
{
    public required string FilePath { get; init; }
    public required int FileOrdinal { get; init; }
    public required int Index { get; init; }
    public required int TaskNumber { get; init; }
    public required SourceLanguage Language { get; init; }
    public required AtomKind Kind { get; init; }
    public string Scope { get; init; } = "";
    public int StartLine { get; init; }
    public int EndLine { get; init; }
    public int StartOffset { get; init; }
    public int EndOffset { get; init; }
    public required string Code { get; init; }
    public string? OriginalCode { get; init; }
    public IReadOnlyList<string> Defines { get; init; } = [];
    public IReadOnlyList<string> Uses { get; init; } = [];
    public IReadOnlyList<ImportReference> Imports { get; init; } = [];

    /// <summary>1-based wave, 0 until wave planning assigns one.</summary>
    public int Wave { get; init; }
    public string Status { get; init; } = AtomStates.Pending;
    public string? Error { get; init; }
    public int Attempts { get; init; }

    public string RowKey => StorageKeys.Atom(FileOrdinal, Index);

    public static AtomRecord From(Atom atom, int taskNumber, int fileOrdinal) => new()
    {
        FilePath = atom.FilePath,
        FileOrdinal = fileOrdinal,
        Index = atom.Index,
        TaskNumber = taskNumber,
        Language = atom.Language,
        Kind = atom.Kind,
        Scope = atom.Scope,
        StartLine = atom.StartLine,
        EndLine = atom.EndLine,
        StartOffset = atom.StartOffset,
        EndOffset = atom.EndOffset,
        Code = atom.Code,
        Defines = atom.Defines,
        Uses = atom.Uses,
        Imports = atom.Imports,
    };

    public Atom ToAtom() => new(FilePath, Index, Language, Kind, Scope, StartLine, EndLine, StartOffset, EndOffset, Code, Defines, Uses, Imports);
}
