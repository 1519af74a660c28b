namespace Mge.CodeIntelligence.Atomization;

public enum AtomKind
{
    /// <summary>import / from-import / require / ES import statements.</summary>
    Import,
    /// <summary>A class header: decorators, the class line, docstring and simple class-level assignments.</summary>
    ClassHeader,
    /// <summary>A method, or the first part of a long one.</summary>
    Method,
    /// <summary>A module-level function, or the first part of a long one.</summary>
    Function,
    /// <summary>A later part of a long function or method body, split at a statement boundary.</summary>
    Fragment,
    /// <summary>Any other top-level statement(s): assignments, calls, if-main blocks, exports.</summary>
    Statement,
    /// <summary>Leading comments, docstrings and blank lines that belong to no statement.</summary>
    Trivia,
}
