namespace Mge.CodeIntelligence.Languages;

/// <summary>The registered language services, looked up by a file's extension.</summary>
public sealed class LanguageServices
{
    private readonly Dictionary<string, ILanguageService> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    public LanguageServices(IEnumerable<ILanguageService> services)
    {
        foreach (var service in services)
        {
            foreach (var extension in service.FileExtensions)
            {
                _byExtension[extension] = service;
            }
        }
    }

    /// <summary>The service for a path, or null for files no language service understands (copied as they are).</summary>
    public ILanguageService? ForPath(string path) =>
        _byExtension.TryGetValue(System.IO.Path.GetExtension(path), out var service) ? service : null;

    public IReadOnlyCollection<string> Extensions => _byExtension.Keys;
}
