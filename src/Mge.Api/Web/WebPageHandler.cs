using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Web;

/// <summary>
/// Serves the web page (index.html, app.js, app.css), embedded in this assembly so both hosts serve the very same
/// files: <c>mge serve</c> at <c>/</c> and <c>/api/ui/</c>, the Functions app at <c>/api/ui/</c>. Only the embedded
/// files exist (no disk paths, so no traversal); everything else is 404. A strict Content-Security-Policy keeps
/// the page to its own scripts and styles (no inline script can run, whatever a request text contains).
/// </summary>
public sealed class WebPageHandler
{
    /// <summary>The page's own files by name, read once.</summary>
    private static readonly FrozenDictionary<string, byte[]> Files = LoadFiles();

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' https: wss: ws:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The names of the embedded files (for tests and diagnostics).</summary>
    public static IReadOnlyCollection<string> Names => Files.Keys;

    /// <param name="path">The path under the page's root: empty or "index.html" for the page, "app.js", "app.css".</param>
    public IActionResult Handle(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.TryGetValue(name, out var content))
        {
            return new NotFoundResult();
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        return new FileContentResult(content, ContentTypeOf(name));
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static FrozenDictionary<string, byte[]> LoadFiles()
    {
        const string prefix = "mge-web/";
        var assembly = typeof(WebPageHandler).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[resource[prefix.Length..].Replace('\\', '/')] = buffer.ToArray();
        }

        return files.Count == 0
            ? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no web page files (resources '{prefix}*').")
            : files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
