using Mge.CodeIntelligence.Paths;

namespace Mge.CodeIntelligence.Tests.Paths;

public sealed class WorkspacePathTests
{
    [Theory]
    [InlineData("app/models/user.py", "app/models/user.py")]
    [InlineData("./app/main.py", "app/main.py")]
    [InlineData("app\\routers\\users.py", "app/routers/users.py")]
    [InlineData("a/../b.py", "b.py")]
    [InlineData("a/./b/../c.js", "a/c.js")]
    [InlineData("  src/app.js  ", "src/app.js")]
    [InlineData("app/módulos/usuário.py", "app/módulos/usuário.py")]
    [InlineData("docs/日本語.md", "docs/日本語.md")]
    [InlineData("CONFIG/settings.py", "CONFIG/settings.py")]
    public void Normalizes_safe_paths(string raw, string expected)
    {
        Assert.True(WorkspacePath.TryNormalize(raw, out var normalized, out var problem), problem);
        Assert.Equal(expected, normalized);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("../../x", "outside")]
    [InlineData("..\\..\\x", "outside")]
    [InlineData("a/../../b", "outside")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("C:\\x", "absolute")]
    [InlineData("C:x", "absolute")]
    [InlineData("\\\\server\\share\\x", "absolute")]
    [InlineData("~/x", "absolute")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("a//b", "empty name")]
    [InlineData("app/", "names no file")]
    [InlineData(".", "root")]
    [InlineData("a/..", "root")]
    [InlineData("a\0b", "control")]
    [InlineData("a\nb", "control")]
    [InlineData("CON", "reserved")]
    [InlineData("app/nul.txt", "reserved")]
    [InlineData("app/com1.py", "reserved")]
    [InlineData("a/b?.py", "'?'")]
    [InlineData("a/b.", "dot")]
    public void Rejects_unsafe_paths_with_a_reason(string raw, string reasonFragment)
    {
        Assert.False(WorkspacePath.TryNormalize(raw, out var normalized, out var problem));
        Assert.Equal(string.Empty, normalized);
        Assert.NotNull(problem);
        Assert.Contains(reasonFragment, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rejects_null_and_overlong_paths()
    {
        Assert.False(WorkspacePath.TryNormalize(null, out _, out var nullProblem));
        Assert.Contains("empty", nullProblem);
        var longName = new string('a', WorkspacePath.MaxNameLength + 1);
        Assert.False(WorkspacePath.TryNormalize("src/" + longName + ".js", out _, out var nameProblem));
        Assert.Contains("characters long", nameProblem);
        var longPath = string.Join('/', Enumerable.Repeat(new string('d', 50), 5)) + "/x.py";
        Assert.False(WorkspacePath.TryNormalize(longPath, out _, out var pathProblem));
        Assert.Contains("characters long", pathProblem);
    }

    [Fact]
    public void Normalize_throws_with_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkspacePath.Normalize("../../etc/passwd"));
        Assert.Contains("outside the workspace", error.Message);
    }

    [Theory]
    [InlineData("app/models/user.py", "app/models/user.py")]
    [InlineData("a/../b.txt", "b.txt")]
    [InlineData("a\\b.txt", "a/b.txt")]
    public void Confine_returns_a_path_inside_the_root(string relative, string expectedRelative)
    {
        var root = Path.Combine(Path.GetTempPath(), "mge-confine-root");
        var full = WorkspacePath.Confine(root, relative);
        Assert.Equal(Path.GetFullPath(Path.Combine(root, expectedRelative)), full);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("..\\..\\x")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\x")]
    [InlineData("a\0b")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("../mge-confine-root-evil/x")]
    public void Confine_throws_for_paths_leaving_the_root(string relative)
    {
        var root = Path.Combine(Path.GetTempPath(), "mge-confine-root");
        var error = Assert.Throws<PathOutsideWorkspaceException>(() => WorkspacePath.Confine(root, relative));
        Assert.Contains("not inside the workspace", error.Message);
        Assert.Equal(relative, error.RelativePath);
    }

    [Fact]
    public void Confine_accepts_a_root_with_a_trailing_separator()
    {
        var root = Path.Combine(Path.GetTempPath(), "mge-confine-root") + Path.DirectorySeparatorChar;
        Assert.Equal(Path.Combine(Path.GetFullPath(root), "x.py"), WorkspacePath.Confine(root, "x.py"));
    }
}
