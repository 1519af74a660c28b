namespace Mge.CodeIntelligence.Languages;

/// <summary>The languages MGE understands; <see cref="Unknown"/> files are copied, never checked.</summary>
public enum SourceLanguage
{
    Unknown = 0,
    Python,
    JavaScript,
    TypeScript,
}
