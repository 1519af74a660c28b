using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// One read of a name (or a <c>del</c> of it) in a scope. <see cref="Loop"/> is the outermost loop around the
/// read within the same run of immediately executed code, so a binding later in that loop still counts.
/// <see cref="GuardedByNameError"/> is true inside <c>try: ... except NameError:</c>, the idiom for probing a name.
/// </summary>
public sealed record PythonNameReference(string Name, TextSpan Span, PythonScope Scope, TextSpan? Loop, bool InAnnotation,
    bool GuardedByNameError = false);
