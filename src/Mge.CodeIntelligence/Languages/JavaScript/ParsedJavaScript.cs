using Acornima.Ast;

namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// A parsed JavaScript file. <see cref="IsModule"/> is true for ES modules; a script is run by Node as
/// CommonJS (<see cref="IsCommonJs"/>), with require/module/exports/__dirname/__filename predefined.
/// </summary>
internal sealed record ParsedJavaScript(string Text, Acornima.Ast.Program Program, bool IsModule)
{
    public bool IsCommonJs => !IsModule;
}
