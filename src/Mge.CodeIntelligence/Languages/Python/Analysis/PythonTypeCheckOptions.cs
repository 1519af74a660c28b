namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// How Python files are type-checked. <see cref="Command"/> is an external checker command line
/// ("mypy", "pyright", "mypy --strict"); when it is null or its program is not on PATH, types are reported as
/// not checked (never silently passed). <see cref="Timeout"/> bounds one run.
/// </summary>
public sealed record PythonTypeCheckOptions
{
    public string? Command { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    public static PythonTypeCheckOptions None { get; } = new();
}
