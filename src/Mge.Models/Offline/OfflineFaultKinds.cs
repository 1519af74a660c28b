namespace Mge.Models.Offline;

/// <summary>The kinds of broken answer the offline model can give on purpose, so that repair paths run.</summary>
[Flags]
public enum OfflineFaultKinds
{
    None = 0,

    /// <summary>Code answers: one block opener loses its ":" (Python) or "{" (JavaScript).</summary>
    SyntaxError = 1,

    /// <summary>Any answer: cut off mid-way with no closing fence, finish reason "length".</summary>
    TruncatedCode = 2,

    /// <summary>JSON answers (discovery, planning): the object's final brace is missing.</summary>
    InvalidJson = 4,

    /// <summary>Code answers: the code comes as prose without fenced blocks.</summary>
    NoCodeBlock = 8,

    All = SyntaxError | TruncatedCode | InvalidJson | NoCodeBlock,
}
