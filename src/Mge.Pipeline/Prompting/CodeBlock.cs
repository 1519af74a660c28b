namespace Mge.Pipeline.Prompting;

/// <summary>
/// One fenced block of a model's answer: its info string ("python"), the path its first line declared
/// ("# path: app/models/user.py", untrusted, null when absent; the line itself is removed from
/// <see cref="Code"/>), the code, and where the block starts in the answer.
/// </summary>
public sealed record CodeBlock(string Info, string? PathLine, string Code, int StartOffset);
