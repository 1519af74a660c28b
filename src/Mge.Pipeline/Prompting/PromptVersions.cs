namespace Mge.Pipeline.Prompting;

/// <summary>The version of each role's prompt text, journaled with every call so that answers can be traced to the prompt that produced them.</summary>
public static class PromptVersions
{
    public static string For(ModelRole role) => role switch
    {
        ModelRole.Discovery => DiscoveryPrompt.Version,
        ModelRole.Planning => PlanningPrompt.Version,
        ModelRole.Code => CodePrompt.Version,
        ModelRole.Repair => RepairPrompt.Version,
        ModelRole.Chat => ChatPrompt.Version,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown model role."),
    };
}
