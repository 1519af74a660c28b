namespace Mge.CodeIntelligence.Languages.Python.Analysis;

/// <summary>
/// The names a project module offers to <c>from module import name</c> (<see cref="Names"/>) and to
/// <c>from module import *</c> (<see cref="PublicNames"/>). <see cref="IsOpen"/> is true when any name may
/// exist (an unresolvable star import or a module-level <c>__getattr__</c>), so absence proves nothing.
/// </summary>
public sealed record PythonModuleExports(IReadOnlySet<string> Names, IReadOnlyCollection<string> PublicNames, bool IsOpen);
