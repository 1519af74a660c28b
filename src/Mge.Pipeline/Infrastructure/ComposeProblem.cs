namespace Mge.Pipeline.Infrastructure;

/// <summary>One problem of a compose file, at its 1-based line and column.</summary>
public sealed record ComposeProblem(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
