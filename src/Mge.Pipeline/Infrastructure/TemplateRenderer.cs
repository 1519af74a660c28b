using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Renders the Scriban templates under the templates directory. Parsed templates are cached; rendering is
/// strict (an unknown variable is an error, not an empty string) so that a template typo fails a test rather
/// than shipping a broken Dockerfile. Besides Scriban's builtins, templates get <c>json</c> (a JSON string
/// literal of a value, for package.json).
/// </summary>
public sealed class TemplateRenderer
{
    // Generated files are not HTML: keep quotes and '<' readable in package.json rather than \u0022.
    private static readonly JsonSerializerOptions JsonLiterals = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);
    private readonly Lazy<string> _directory;

    public TemplateRenderer(IOptions<TemplateRendererOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.TemplatesDirectory;
        _directory = new Lazy<string>(() => ResolveDirectory(configured));
    }

    /// <summary>The directory templates are read from (resolved on first use).</summary>
    public string TemplatesDirectory => _directory.Value;

    /// <summary>Whether a template exists ("fastapi/Dockerfile.sbn").</summary>
    public bool Exists(string templateName) => File.Exists(FullPath(templateName));

    /// <summary>Renders one template against a model whose members templates see in snake_case.</summary>
    public async Task<string> RenderAsync(string templateName, object model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = await LoadAsync(templateName, cancellationToken).ConfigureAwait(false);

        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals.Import("json", new Func<object?, string>(value => JsonSerializer.Serialize(value, JsonLiterals)));

        var context = new TemplateContext
        {
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = 10_000,
            CancellationToken = cancellationToken,
        };
        context.PushGlobal(globals);

        try
        {
            return await template.RenderAsync(context).ConfigureAwait(false);
        }
        catch (ScriptRuntimeException ex)
        {
            // Scriban's message carries "file(line,column)", which is what a template author needs.
            throw new TemplateRenderException(templateName, $"rendering failed: {ex.Message}", ex);
        }
    }

    private async Task<Template> LoadAsync(string templateName, CancellationToken cancellationToken)
    {
        if (_parsed.TryGetValue(templateName, out var cached))
        {
            return cached;
        }

        var path = FullPath(templateName);
        if (!File.Exists(path))
        {
            throw new TemplateRenderException(templateName, $"not found at '{path}' (templates directory '{TemplatesDirectory}').");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var template = Template.Parse(text, templateName);
        if (template.HasErrors)
        {
            var messages = string.Join("; ", template.Messages.Select(m => m.ToString()));
            throw new TemplateRenderException(templateName, $"does not parse: {messages}");
        }

        return _parsed.GetOrAdd(templateName, template);
    }

    private string FullPath(string templateName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateName);
        var root = TemplatesDirectory;
        var full = Path.GetFullPath(Path.Combine(root, templateName.Replace('/', Path.DirectorySeparatorChar)));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new TemplateRenderException(templateName, $"the name leaves the templates directory '{root}'.");
        }

        return full;
    }

    private static string ResolveDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"The configured templates directory '{full}' (Mge:Templates:TemplatesDirectory) does not exist.");
        }

        var searched = new List<string>();
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "templates");
            searched.Add(candidate);
            if (Directory.Exists(Path.Combine(candidate, "shared")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException(
            "No templates directory found: set Mge:Templates:TemplatesDirectory, or keep a 'templates' folder (with 'shared/') next to the binaries or above them. Searched: " +
            string.Join(", ", searched));
    }
}
