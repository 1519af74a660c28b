namespace Mge.CodeIntelligence.Languages.Python.Parsing;

/// <summary>
/// A syntax error inside one statement. Thrown to unwind to the statement loop, which records it and
/// resynchronises at the next statement; never escapes <see cref="PythonParser"/>.
/// </summary>
internal sealed class ParseException(string message, int line, int column) : Exception(message)
{
    /// <summary>1-based line.</summary>
    public int Line { get; } = line;

    /// <summary>0-based UTF-16 column.</summary>
    public int Column { get; } = column;
}
