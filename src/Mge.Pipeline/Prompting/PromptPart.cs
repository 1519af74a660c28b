namespace Mge.Pipeline.Prompting;

/// <summary>One rendered prompt template: its text and the version its front matter declares ("code@1").</summary>
public sealed record PromptPart(string Text, string Version);
