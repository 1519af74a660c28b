namespace Mge.CodeIntelligence.Languages;

/// <summary>
/// What a file is checked against: the other files of the project (workspace-relative paths with
/// forward slashes) and the third-party dependencies it declares (requirements.txt lines or package.json
/// dependency names, as written).
/// </summary>
public sealed record ProjectContext(IReadOnlySet<string> ProjectFiles, IReadOnlyList<string> DeclaredDependencies)
{
    public static ProjectContext Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal), []);

    /// <summary>
    /// Optional texts of project files, keyed like <see cref="ProjectFiles"/>. Lets a check look inside other
    /// modules (for example that a name imported from a project module exists); without a file's text that
    /// part of the check is not done for it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? FileTexts { get; init; }
}
