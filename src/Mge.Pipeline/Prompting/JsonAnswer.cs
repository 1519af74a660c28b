namespace Mge.Pipeline.Prompting;

/// <summary>The outcome of asking the model for one JSON object with bounded retries: the value (null when every attempt failed), every call made, and the last problem.</summary>
public sealed record JsonAnswer<T>(T? Value, IReadOnlyList<ModelCallResult> Calls, string? LastError)
    where T : class;
