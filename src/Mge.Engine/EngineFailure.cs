namespace Mge.Engine;

/// <summary>Why an orchestration failed: the exception type and message as recorded by the backend, with the inner failure chain.</summary>
public sealed record EngineFailure(string ErrorType, string Message, string? StackTrace, EngineFailure? Inner);
