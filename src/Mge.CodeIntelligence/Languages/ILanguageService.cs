using Mge.CodeIntelligence.Atomization;

namespace Mge.CodeIntelligence.Languages;

/// <summary>One language's parser, checks and atomizer. Implementations are stateless and thread-safe.</summary>
public interface ILanguageService
{
    SourceLanguage Language { get; }

    /// <summary>File extensions handled, with the dot (".py").</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>Parses the file and runs every check this language supports against the project.</summary>
    FileValidation Validate(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default);

    /// <summary>
    /// Splits the file into atoms along its syntax tree. Lossless: the atoms' code, in order, is the file
    /// byte for byte. A file that does not parse yields diagnostics and no atoms.
    /// </summary>
    AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default);
}
