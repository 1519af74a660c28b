namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>
/// One token: its kind and where it is. Offsets are UTF-16 indexes (end exclusive); lines 1-based;
/// columns 0-based UTF-16 units.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, int EndLine, int EndColumn);
