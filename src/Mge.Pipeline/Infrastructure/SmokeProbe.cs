using System.Text.Json.Serialization;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// How a running app is probed, with the project's own runtime (never one of MGE's), as the verification
/// phase's smoke step runs it (<see cref="Verification.SmokeStep.ProbeCommand"/>): <see cref="ProbeArgv"/> with
/// the URL appended as its last argument prints the HTTP status code on its first line and the response body
/// after it; a non-zero exit means no response at all (its stderr says why). The Dockerfile's HEALTHCHECK runs
/// it on the health route and wants a 2xx; the smoke step on <see cref="ProjectStack.SmokeRoutes"/>.
/// </summary>
public sealed record SmokeProbe
{
    public required IReadOnlyList<string> ProbeArgv { get; init; }

    /// <summary>How long the app may take from start until it answers the health route.</summary>
    public required int StartupSeconds { get; init; }

    /// <summary>The probe's argv for one URL.</summary>
    public IReadOnlyList<string> ProbeFor(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return [.. ProbeArgv, url];
    }

    /// <summary>
    /// A shell command that succeeds when the URL answers 2xx: the probe on a URL given as a shell word left
    /// unquoted by us (it may expand variables: <c>"http://127.0.0.1:${PORT:-8000}/health"</c>), its status line tested.
    /// </summary>
    public string HealthCheckFor(string urlShellWord)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlShellWord);
        return $"{ShellQuoting.Join(ProbeArgv)} {urlShellWord} | head -n 1 | grep -q '^2'";
    }

    [JsonIgnore]
    public TimeSpan StartupTimeout => TimeSpan.FromSeconds(StartupSeconds);
}
