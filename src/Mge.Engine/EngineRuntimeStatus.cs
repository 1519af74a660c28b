namespace Mge.Engine;

/// <summary>Where an orchestration instance stands, independent of the backend's own status type.</summary>
public enum EngineRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Canceled,
    Suspended,
    ContinuedAsNew,
}
