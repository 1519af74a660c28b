using Mge.Cli.Generation;

namespace Mge.Cli.Tests;

public sealed class DeliveryPathsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("task-manager", "task-manager")]
    [InlineData("Task Manager API", "task-manager-api")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("  ", "project")]
    [InlineData("Ünïcode only ✓", "n-code-only")]
    public void Safe_name_keeps_letters_digits_dash_and_underscore(string projectName, string expected)
    {
        Assert.Equal(expected, DeliveryPaths.SafeName(projectName));
    }

    [Fact]
    public void An_earlier_run_is_never_overwritten()
    {
        var first = DeliveryPaths.Choose(temp.Path, "blog");
        File.WriteAllText(first.ZipPath, "zip");

        var second = DeliveryPaths.Choose(temp.Path, "blog");
        Directory.CreateDirectory(second.FolderPath);
        var third = DeliveryPaths.Choose(temp.Path, "blog");

        Assert.Equal(Path.Combine(temp.Path, "blog.zip"), first.ZipPath);
        Assert.Equal(Path.Combine(temp.Path, "blog-2"), second.FolderPath);
        Assert.Equal(Path.Combine(temp.Path, "blog-3.zip"), third.ZipPath);
    }
}
