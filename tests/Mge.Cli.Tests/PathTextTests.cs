using Mge.Cli.Terminal;

namespace Mge.Cli.Tests;

public sealed class PathTextTests
{
    [Theory]
    [InlineData("/tmp/out/app.zip", 40, "/tmp/out/app.zip")]
    [InlineData("/home/someone/projects/out/task-management-api.zip", 30, "/home/someone/projects/out/\ntask-management-api.zip")]
    [InlineData("/home/someone/My Projects/acme corporation/out", 20, "/home/someone/My\nProjects/acme\ncorporation/out")]
    [InlineData(@"C:\Users\someone\source\out\task-management-api.zip", 24, "C:\\Users\\someone\\source\\\nout\\\ntask-management-api.zip")]
    [InlineData("/a/customer-relationship-management-platform.zip", 20, "/a/\ncustomer-relationship-management-platform.zip")]
    public void Breaks_after_separators_or_at_spaces_to_fit_the_width(string path, int width, string expected)
    {
        var wrapped = PathText.Wrap(path, width);

        Assert.Equal(expected, wrapped);
        // Only a piece longer than the width (left for the renderer to fold) may pass it.
        Assert.All(wrapped.Split('\n'), line => Assert.True(line.Length <= width || !line.Contains('/') && !line.Contains('\\') && !line.Contains(' '), line));
        Assert.Equal(path.Replace(" ", ""), wrapped.Replace("\n", "").Replace(" ", ""));
    }
}
