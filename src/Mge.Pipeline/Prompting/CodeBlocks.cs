namespace Mge.Pipeline.Prompting;

/// <summary>The complete fenced blocks of an answer and what was wrong with it ("no code block", "truncated code block").</summary>
public sealed record CodeBlocks(IReadOnlyList<CodeBlock> Blocks, IReadOnlyList<string> Problems)
{
    public const string NoCodeBlock = "no code block";
    public const string TruncatedCodeBlock = "truncated code block";
    public const string CutOffAtLimit = "answer cut off at the output token limit (finish_reason length): files after the last complete block may be missing";

    /// <summary>
    /// The same blocks, with <see cref="CutOffAtLimit"/> added when the provider says it stopped at its token limit:
    /// a cut that lands right after a closing fence leaves well-formed blocks but loses the files after them.
    /// </summary>
    public CodeBlocks WithFinishReason(string? finishReason) =>
        string.Equals(finishReason, "length", StringComparison.OrdinalIgnoreCase) && !Problems.Contains(CutOffAtLimit)
            ? this with { Problems = [.. Problems.Where(p => p != TruncatedCodeBlock), CutOffAtLimit] }
            : this;

    public bool Succeeded => Problems.Count == 0 && Blocks.Count > 0;
}
