namespace Mge.Cli.Serve;

/// <summary>What a valid hub access token grants: the user, and the run whose progress group it joins (if any).</summary>
public sealed record HubGrant(string UserId, string? RunId);
