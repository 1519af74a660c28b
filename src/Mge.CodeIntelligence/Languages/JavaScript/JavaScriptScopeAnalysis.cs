namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>Where a name read in the file is bound.</summary>
internal enum NameBinding
{
    /// <summary>A parameter or a variable of a function, block, catch or class scope.</summary>
    Local,
    /// <summary>A module-level binding (top-level declaration or import).</summary>
    Module,
    /// <summary>Declared nowhere in the file: a global, or undefined.</summary>
    Free,
}

/// <summary>One read (or write) of a name. <see cref="TypeofGuarded"/> is true for <c>typeof x</c>, which never throws.</summary>
internal sealed record NameReference(string Name, int Offset, int Line, int Column, NameBinding Binding, bool TypeofGuarded, bool InsideWith);

/// <summary>One module-level binding and where its declaring identifier is.</summary>
internal sealed record ModuleBinding(string Name, int Offset);

/// <summary>The result of <see cref="JavaScriptScopeAnalyzer"/>: every reference resolved, every module-level binding.</summary>
internal sealed record JavaScriptScopeAnalysis(IReadOnlyList<NameReference> References, IReadOnlyList<ModuleBinding> ModuleBindings);
