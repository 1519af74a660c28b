namespace Mge.Pipeline.Storage;

/// <summary>The values of <see cref="TaskRecord.Status"/>, in the order a task normally goes through them.</summary>
public static class TaskStates
{
    /// <summary>In the plan, no code yet.</summary>
    public const string Planned = "planned";

    /// <summary>Code generated (or repaired) and stored, not validated since.</summary>
    public const string Generated = "generated";

    /// <summary>The model's answer gave no usable code (no code block, truncated block); see last_error.</summary>
    public const string Failed = "failed";

    /// <summary>Every file passed validation.</summary>
    public const string Valid = "valid";

    /// <summary>At least one file has an error; see last_error and diagnostics.</summary>
    public const string Invalid = "invalid";
}
