namespace Mge.Pipeline.Prompting;

/// <summary>A file that failed validation, with the errors found in it ("3:5 syntax: invalid syntax").</summary>
public sealed record FailedFile(string Path, string Code, IReadOnlyList<string> Errors);
