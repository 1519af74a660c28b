using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;

namespace Mge.CodeIntelligence.Tests.Graph;

/// <summary>Builds small hand-written atoms for graph tests.</summary>
internal static class TestAtoms
{
    public static Atom Make(
        string file,
        int index,
        string[]? defines = null,
        string[]? uses = null,
        ImportReference[]? imports = null,
        string scope = "",
        AtomKind kind = AtomKind.Statement)
    {
        var language = file.EndsWith(".py", StringComparison.Ordinal) || file.EndsWith(".pyi", StringComparison.Ordinal) ? SourceLanguage.Python : SourceLanguage.JavaScript;
        return new Atom(file, index, language, kind, scope, index + 1, index + 1, index, index + 1, "x", defines ?? [], uses ?? [], imports ?? []);
    }
}
