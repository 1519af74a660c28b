namespace Mge.Api.Http;

/// <summary>The progress service did not accept a connection or group membership; the message says what it answered.</summary>
public sealed class ProgressNegotiationException : Exception
{
    public ProgressNegotiationException()
    {
    }

    public ProgressNegotiationException(string message)
        : base(message)
    {
    }

    public ProgressNegotiationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
