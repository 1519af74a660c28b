using Mge.CodeIntelligence.Languages.Python.Syntax;

namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>A <c>from module import *</c> statement at module level.</summary>
public sealed record PythonStarImport(string? Module, int Level, TextSpan Span);
