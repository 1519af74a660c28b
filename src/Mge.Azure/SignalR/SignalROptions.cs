using System.Text.RegularExpressions;

namespace Mge.Azure.SignalR;

/// <summary>
/// Progress publishing through Azure SignalR Service (serverless mode, REST API v1). Bound from configuration
/// section "Mge:SignalR". Without <see cref="ConnectionString"/>, <c>AddMgeSignalR</c> registers nothing.
/// </summary>
public sealed partial class SignalROptions
{
    public const string SectionName = "Mge:SignalR";

    /// <summary>"Endpoint=https://&lt;name&gt;.service.signalr.net;AccessKey=&lt;key&gt;;Version=1.0;" (secret: keep it in app settings or Key Vault).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The logical hub progress goes to and clients connect to.</summary>
    public string Hub { get; set; } = "mge";

    /// <summary>Lifetime of every token signed with the access key (REST calls and client negotiate).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = SignalRAccessTokens.DefaultLifetime;

    /// <summary>Retries after a 429/5xx or no answer; 0 sends once.</summary>
    public int MaxRetries { get; set; } = SignalRRetryPolicy.Default.MaxRetries;

    public TimeSpan RetryBaseDelay { get; set; } = SignalRRetryPolicy.Default.BaseDelay;

    public TimeSpan RetryMaxDelay { get; set; } = SignalRRetryPolicy.Default.MaxDelay;

    /// <summary>How long one REST call may take before it counts as unanswered (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the progress observer stops sending after a failed send (0: never stops), so a run does not wait
    /// on an unreachable service for every event.
    /// </summary>
    public TimeSpan PauseAfterFailure { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a connection string is set: SignalR publishing is wanted.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    public SignalRRetryPolicy RetryPolicy => new(MaxRetries, RetryBaseDelay, RetryMaxDelay);

    /// <summary>Throws with the setting's full name when a value is unusable (the connection string is parsed separately).</summary>
    public void Validate()
    {
        if (!IsValidHubName(Hub))
        {
            throw new InvalidOperationException(
                $"{SectionName}:Hub '{Hub}' is not a SignalR hub name: it must start with a letter and contain only letters, digits or '_'.");
        }

        if (AccessTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:AccessTokenLifetime must be positive (it is {AccessTokenLifetime}).");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:RequestTimeout must be positive (it is {RequestTimeout}).");
        }

        if (PauseAfterFailure < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:PauseAfterFailure must not be negative (it is {PauseAfterFailure}).");
        }

        try
        {
            RetryPolicy.Validate();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InvalidOperationException($"{SectionName} retry settings are invalid: {exception.Message}", exception);
        }
    }

    /// <summary>The service's rule for hub names: a letter, then letters, digits or underscores.</summary>
    public static bool IsValidHubName(string? hub) => hub is not null && HubNamePattern().IsMatch(hub);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HubNamePattern();
}
