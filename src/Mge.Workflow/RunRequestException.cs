namespace Mge.Workflow;

/// <summary>
/// A run request that cannot start, with every problem per field ("request", "options.concurrency", ...); nothing
/// was stored or scheduled. Hosts turn it into a 400 problem or a usage error.
/// </summary>
public sealed class RunRequestException : Exception
{
    public RunRequestException(IReadOnlyDictionary<string, string> problems)
        : base(string.Join(" ", problems.Select(p => p.Key == "request" ? p.Value : $"{p.Key}: {p.Value}")))
    {
        Problems = problems;
    }

    /// <summary>What is wrong, by field: "request" for the sentence, "options.&lt;name&gt;" for an option.</summary>
    public IReadOnlyDictionary<string, string> Problems { get; }
}
