namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>What the type-check step did: whether a checker actually ran, and the diagnostics it (or its absence) produced.</summary>
public sealed record PythonTypeCheckOutcome(bool Performed, IReadOnlyList<Diagnostic> Diagnostics);
