using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Prompting;

namespace Mge.Pipeline.Tests.Prompting;

public sealed class PromptTemplatesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mge-prompt-templates-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_shipped_template_parses_and_declares_a_version_named_after_a_part()
    {
        var templates = PromptTemplates.FromDefaultLocation();

        var names = templates.Names();

        Assert.Contains("discovery/system", names);
        Assert.Contains("project/shared", names);
        Assert.All(names, name => Assert.Matches(@"^[a-z-]+@[0-9]+$", templates.VersionOf(name)));
        Assert.Equal("discovery@3", templates.VersionOf("discovery/user"));
    }

    [Fact]
    public void Rendering_is_strict_about_unknown_variables()
    {
        Write("role/user.sbn", "---\nversion: role@4\n---\nHello {{ name }} {{ missing }}\n");
        var templates = new PromptTemplates(_directory);

        var error = Assert.Throws<TemplateRenderException>(() => templates.Render("role/user", new { Name = "x" }));

        Assert.Contains("prompts/role/user.sbn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_front_matter_gives_the_version_and_is_not_rendered()
    {
        Write("role/user.sbn", "---\nversion: role@4\nnote: why it changed\n---\nHello {{ user_name }}\n");

        var part = new PromptTemplates(_directory).Render("role/user", new { UserName = "Ada" });

        Assert.Equal(new PromptPart("Hello Ada", "role@4"), part);
    }

    [Theory]
    [InlineData("Hello\n")]
    [InlineData("---\nversion: 3\n---\nHello\n")]
    [InlineData("---\nname: x\n---\nHello\n")]
    public void A_template_without_a_version_is_refused(string text)
    {
        Write("role/user.sbn", text);

        var error = Assert.Throws<TemplateRenderException>(() => new PromptTemplates(_directory).VersionOf("role/user"));

        Assert.Contains("version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_template_that_drops_the_context_block_is_refused()
    {
        foreach (var name in new[] { "system", "user", "retry" })
        {
            Write($"discovery/{name}.sbn", "---\nversion: discovery@9\n---\nAnalyse the request.\n");
        }

        var builder = new PromptBuilder(new PromptTemplates(_directory));

        var error = Assert.Throws<InvalidOperationException>(() => builder.Discovery("Build a blog with posts", ProjectType.FastApi));
        Assert.Contains("discovery/user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_template_names_say_where_they_were_looked_for()
    {
        var error = Assert.Throws<TemplateRenderException>(() => PromptTemplates.FromDefaultLocation().Render("nothing/here", new { }));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
