namespace Mge.Pipeline.Prompting;

/// <summary>The complete fenced blocks of an answer and what was wrong with it ("no code block", "truncated code block").</summary>
public sealed record CodeBlocks(IReadOnlyList<CodeBlock> Blocks, IReadOnlyList<string> Problems)
{
    public const string NoCodeBlock = "no code block";
    public const string TruncatedCodeBlock = "truncated code block";

    public bool Succeeded => Problems.Count == 0 && Blocks.Count > 0;
}
