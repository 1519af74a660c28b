using Mge.CodeIntelligence.Languages;

namespace Mge.Cli.CodeIntelligence;

/// <summary>
/// The source files one PATH argument names, with the project they belong to: its root folder, every
/// file under it (for import resolution) and the dependencies it declares.
/// </summary>
public sealed record SourceSelection(string ProjectRoot, IReadOnlyList<SelectedFile> Files, ProjectContext Project);
