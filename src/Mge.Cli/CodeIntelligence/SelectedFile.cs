using Mge.CodeIntelligence.Languages;

namespace Mge.Cli.CodeIntelligence;

/// <summary>
/// One source file picked from the command line: where it is on disk, how to show it to the user, its
/// path inside its project (what imports resolve against) and the language service that handles it.
/// </summary>
public sealed record SelectedFile(string FullPath, string DisplayPath, string ProjectPath, ILanguageService Language);
