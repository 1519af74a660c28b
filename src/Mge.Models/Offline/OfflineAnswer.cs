namespace Mge.Models.Offline;

/// <summary>What the offline model says: the text, whether it was cut off, and the form it takes.</summary>
internal sealed record OfflineAnswer(string Text, AnswerShape Shape, bool Truncated = false);

/// <summary>The form of an answer, which decides the faults that can apply to it.</summary>
internal enum AnswerShape
{
    Json,
    Code,
    Text,
}
