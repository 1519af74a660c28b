namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>One module a file asks for with a literal specifier: import/export-from, import(), or require().</summary>
internal sealed record ModuleRequest(string Specifier, int Line, int Column, string Form);
