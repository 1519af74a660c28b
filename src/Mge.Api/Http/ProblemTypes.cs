namespace Mge.Api.Http;

/// <summary>The RFC 7807 <c>type</c> of each problem the API answers with (URNs: they identify, they do not resolve).</summary>
public static class ProblemTypes
{
    public const string InvalidJson = "urn:mge:problem:invalid-json";
    public const string EmptyBody = "urn:mge:problem:empty-body";
    public const string BodyTooLarge = "urn:mge:problem:body-too-large";
    public const string InvalidRequest = "urn:mge:problem:invalid-request";
    public const string UnknownProjectType = "urn:mge:problem:unknown-project-type";
    public const string InvalidOptions = "urn:mge:problem:invalid-options";
    public const string InvalidParameter = "urn:mge:problem:invalid-parameter";
    public const string RunNotFound = "urn:mge:problem:run-not-found";
    public const string WorkspaceNotReady = "urn:mge:problem:workspace-not-ready";
    public const string LiveProgressOff = "urn:mge:problem:live-progress-not-configured";
    public const string Forbidden = "urn:mge:problem:forbidden";
    public const string UpstreamFailure = "urn:mge:problem:upstream-failure";
}
