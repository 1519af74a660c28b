using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Mge.Pipeline.Infrastructure;
using Scriban;
using Scriban.Runtime;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The prompt texts, as Scriban templates under "{templates}/prompts/&lt;part&gt;/&lt;name&gt;.sbn" (the templates
/// directory is the one <see cref="TemplateRenderer"/> finds). Each file starts with a front matter block that
/// declares its version ("---\nversion: discovery@1\n---"), so that every journaled call can name the texts that
/// produced it; change a text, bump its version. Rendering is strict (an unknown variable is an error) and
/// synchronous (parsed templates are cached), the model's members seen in snake_case.
/// </summary>
public sealed partial class PromptTemplates
{
    /// <summary>The folder of prompt templates inside the templates directory.</summary>
    public const string FolderName = "prompts";

    private const string Extension = ".sbn";
    private readonly Lazy<string> _directory;
    private readonly ConcurrentDictionary<string, LoadedTemplate> _loaded = new(StringComparer.Ordinal);

    /// <summary>Prompt templates under the templates directory the renderer uses.</summary>
    public PromptTemplates(TemplateRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        _directory = new Lazy<string>(() => Path.Combine(renderer.TemplatesDirectory, FolderName));
    }

    /// <summary>Prompt templates under an explicit directory (the one holding "discovery/", "code/", ...).</summary>
    public PromptTemplates(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        _directory = new Lazy<string>(() => full);
    }

    /// <summary>Prompt templates found the way <see cref="TemplateRenderer"/> finds its directory by default.</summary>
    public static PromptTemplates FromDefaultLocation() =>
        new(new TemplateRenderer(Options.Create(new TemplateRendererOptions())));

    public string Directory => _directory.Value;

    /// <summary>Every template's name ("code/system"), sorted.</summary>
    public IReadOnlyList<string> Names()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new DirectoryNotFoundException($"The prompt templates directory '{Directory}' does not exist.");
        }

        return System.IO.Directory.EnumerateFiles(Directory, "*" + Extension, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path)[..^Extension.Length].Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The version a template declares ("discovery@1").</summary>
    public string VersionOf(string name) => Load(name).Version;

    /// <summary>Renders a template against a model (an object whose public members the template reads in snake_case).</summary>
    public PromptPart Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var loaded = Load(name);
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext
        {
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = 10_000,
        };
        context.PushGlobal(globals);
        try
        {
            return new PromptPart(loaded.Template.Render(context).TrimEnd(), loaded.Version);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new TemplateRenderException(PathOf(name), $"rendering failed: {ex.Message}", ex);
        }
    }

    private LoadedTemplate Load(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _loaded.GetOrAdd(name, Read);
    }

    private LoadedTemplate Read(string name)
    {
        var templateName = PathOf(name);
        if (!NamePattern().IsMatch(name))
        {
            throw new TemplateRenderException(templateName, "a prompt template name is '<folder>/<name>' in lower case (e.g. 'code/system').");
        }

        var path = Path.Combine(Directory, name.Replace('/', Path.DirectorySeparatorChar) + Extension);
        if (!File.Exists(path))
        {
            throw new TemplateRenderException(templateName, $"not found at '{path}'.");
        }

        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = FrontMatterPattern().Match(text);
        if (!match.Success)
        {
            throw new TemplateRenderException(templateName, "must start with a front matter block declaring its version: \"---\\nversion: <name>@<number>\\n---\".");
        }

        var version = match.Groups["version"].Value;
        var template = Template.Parse(text[match.Length..], templateName);
        if (template.HasErrors)
        {
            throw new TemplateRenderException(templateName, $"does not parse: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        }

        return new LoadedTemplate(version, template);
    }

    private static string PathOf(string name) => $"{FolderName}/{name}{Extension}";

    [GeneratedRegex(@"^---\n(?:[a-z_]+:[^\n]*\n)*?version:[ \t]*(?<version>[a-z][a-z0-9-]*@[0-9]+)[ \t]*\n(?:[a-z_]+:[^\n]*\n)*---\n", RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterPattern();

    [GeneratedRegex("^[a-z0-9-]+/[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private sealed record LoadedTemplate(string Version, Template Template);
}
