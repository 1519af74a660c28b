using System.Text.Json.Serialization;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// How a running app is probed, with the project's own runtime (never one of MGE's): <see cref="ProbeArgv"/>
/// holds <see cref="UrlPlaceholder"/> where the URL goes; the command prints the HTTP status code on stdout and
/// exits 0 when it is 2xx, non-zero otherwise (no answer at all: nothing printed). The Dockerfile's
/// HEALTHCHECK runs it on the health route; the smoke step on <see cref="ProjectStack.SmokeRoutes"/>.
/// </summary>
public sealed record SmokeProbe
{
    public const string UrlPlaceholder = "{url}";

    public required IReadOnlyList<string> ProbeArgv { get; init; }

    /// <summary>How long the app may take from start until it answers the health route.</summary>
    public required int StartupSeconds { get; init; }

    /// <summary>The probe's argv for one URL.</summary>
    public IReadOnlyList<string> ProbeFor(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return ProbeArgv.Select(a => a.Replace(UrlPlaceholder, url, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The probe as a shell line whose URL is a shell word left unquoted by us (it may expand variables: <c>"http://127.0.0.1:${PORT:-8000}/health"</c>).</summary>
    public string ShellLineFor(string urlShellWord)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlShellWord);
        return string.Join(' ', ProbeArgv.Select(a => a == UrlPlaceholder ? urlShellWord : ShellQuoting.Quote(a)));
    }

    [JsonIgnore]
    public TimeSpan StartupTimeout => TimeSpan.FromSeconds(StartupSeconds);
}
