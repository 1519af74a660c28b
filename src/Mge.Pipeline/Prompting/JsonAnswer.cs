using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Prompting;

/// <summary>The outcome of asking the model for one JSON object with bounded retries: the value (null when every attempt failed), every call made, and the last problem.</summary>
public sealed record JsonAnswer<T>(T? Value, IReadOnlyList<ModelCallResult> Calls, string? LastError)
    where T : class
{
    /// <summary>Why no value came (for the phase's failure), naming the blob that keeps the model's last answer for diagnosis ("runs/{runId}/calls/discovery-a3.md").</summary>
    public string FailureMessage(string what)
    {
        var message = $"The model's {what} could not be used after {Calls.Count} attempts: {LastError}";
        return Calls.Count == 0
            ? message
            : $"{message}. The last answer is kept in blob '{StorageNames.RunsContainer}/{Calls[^1].ResponseBlob}'.";
    }
}
