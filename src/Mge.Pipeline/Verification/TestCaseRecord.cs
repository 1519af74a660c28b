namespace Mge.Pipeline.Verification;

/// <summary>
/// One test of the project's own test run as stored (table "tests", partition run id, row "{number:D4}" in report
/// order). Messages are cut to <see cref="MaxMessageLength"/> characters so a row stays far below Table limits.
/// </summary>
public sealed record TestCaseRecord(int Number, string Name, string? File, TestOutcome Outcome, string? Message, IReadOnlyList<ProjectFrame> Frames)
{
    public const int MaxMessageLength = 4000;

    public const int MaxFrames = 20;

    public static TestCaseRecord From(int number, TestCaseResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var message = test.Message is { Length: > MaxMessageLength } text ? text[..MaxMessageLength] + " [cut]" : test.Message;
        return new(number, test.Name, test.File, test.Outcome, message, test.Frames.Take(MaxFrames).ToList());
    }
}
