using Mge.CodeIntelligence.Atomization;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;

namespace Mge.CodeIntelligence.Tests.Languages.JavaScript;

public sealed class TypeScriptLanguageServiceTests
{
    private static readonly TypeScriptLanguageService Service = new();

    [Fact]
    public void Validation_claims_no_check_and_says_so()
    {
        var result = Service.Validate(new SourceFile("src/a.ts", "const x: number = 'not even checked';\n"), ProjectContext.Empty);
        Assert.True(result.IsValid);
        Assert.Empty(result.ChecksPerformed);
        Assert.Equal(["syntax", "imports", "names", "types"], result.ChecksSkipped);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(("typescript-not-parsed", DiagnosticSeverity.Info), (info.Code, info.Severity));
        Assert.Equal(SourceLanguage.TypeScript, result.Language);
    }

    [Fact]
    public void Atomization_is_one_lossless_statement_atom()
    {
        const string text = "interface User { id: string }\r\nexport const u: User = { id: '1' };\n";
        var result = Service.Atomize(new SourceFile("src/a.ts", text));
        var atom = Assert.Single(result.Atoms);
        Assert.Equal(text, atom.Code);
        Assert.Equal((AtomKind.Statement, 1, 2, 0, text.Length), (atom.Kind, atom.StartLine, atom.EndLine, atom.StartOffset, atom.EndOffset));
        Assert.True(result.Succeeded);
        Assert.Empty(Service.Atomize(new SourceFile("src/empty.ts", string.Empty)).Atoms);
    }
}
