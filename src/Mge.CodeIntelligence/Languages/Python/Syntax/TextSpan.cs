namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>
/// A range of source text. Offsets are UTF-16 indexes into the parsed string, <see cref="EndOffset"/>
/// exclusive. Lines are 1-based; columns are 0-based UTF-16 code units from the start of the line (CPython's
/// <c>col_offset</c> convention, but in UTF-16 units rather than UTF-8 bytes).
/// </summary>
public readonly record struct TextSpan(int StartOffset, int EndOffset, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The number of UTF-16 code units covered.</summary>
    public int Length => EndOffset - StartOffset;

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan Cover(TextSpan first, TextSpan last) =>
        new(first.StartOffset, last.EndOffset, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);

    /// <inheritdoc/>
    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn} [{StartOffset}..{EndOffset})";
}
