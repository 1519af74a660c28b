namespace Mge.Pipeline.Infrastructure;

/// <summary>A stack definition that does not load: unreadable JSON, a missing or unknown key, or facts that contradict each other. The message lists every problem found.</summary>
public sealed class StackDefinitionException : Exception
{
    public StackDefinitionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
