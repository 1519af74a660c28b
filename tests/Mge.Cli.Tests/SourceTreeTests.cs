using Mge.Cli.CodeIntelligence;

namespace Mge.Cli.Tests;

public sealed class SourceTreeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Enumerates_recursively_in_ordinal_order_and_skips_dependency_and_cache_folders()
    {
        temp.Write("b.py", "x = 1\n");
        temp.Write("app/a.py", "x = 1\n");
        temp.Write("node_modules/express/index.js", "module.exports = 1;\n");
        temp.Write(".git/config", "[core]\n");
        temp.Write("app/__pycache__/a.cpython-311.pyc", "");
        temp.Write(".venv/lib/site.py", "x = 1\n");

        var files = SourceTree.EnumerateFiles(temp.Path).Select(f => SourceTree.RelativePath(temp.Path, f));

        Assert.Equal(["app/a.py", "b.py"], files);
    }
}
