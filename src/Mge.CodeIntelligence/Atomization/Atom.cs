using Mge.CodeIntelligence.Languages;

namespace Mge.CodeIntelligence.Atomization;

/// <summary>
/// About ten lines of one file, cut along the syntax tree. <see cref="Scope"/> is the qualified name of what
/// the atom belongs to ("UserService.create_user", "" at module level). <see cref="Defines"/> holds the
/// names the atom binds in its scope, qualified like Scope ("User", "UserService.create_user");
/// <see cref="Uses"/> the free names it reads that it does not bind itself (unqualified, as written:
/// "User", "get_db"). Offsets are UTF-16 indexes into the file text, end exclusive; lines are 1-based, inclusive.
/// </summary>
public sealed record Atom(
    string FilePath,
    int Index,
    SourceLanguage Language,
    AtomKind Kind,
    string Scope,
    int StartLine,
    int EndLine,
    int StartOffset,
    int EndOffset,
    string Code,
    IReadOnlyList<string> Defines,
    IReadOnlyList<string> Uses,
    IReadOnlyList<ImportReference> Imports)
{
    /// <summary>A stable id within a project: path and index.</summary>
    public string Id => $"{FilePath}#{Index}";

    public int LineCount => EndLine - StartLine + 1;
}
