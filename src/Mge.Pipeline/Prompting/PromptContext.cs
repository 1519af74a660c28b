using System.Text.Json;
using System.Text.Json.Serialization;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The machine-readable part of every prompt, rendered as a fenced block whose info string is
/// <c>json mge-context</c>. A prompt may carry several such blocks (a shared one first, so that a provider's
/// prompt cache can serve it, and a task-specific one last); readers merge them in order, later properties
/// overriding earlier ones. Real models read it as plain context; the offline model answers from it alone.
/// </summary>
public sealed record PromptContext
{
    public const string FenceInfo = "json mge-context";

    [JsonPropertyName("role")] public ModelRole? Role { get; init; }
    [JsonPropertyName("request")] public string? Request { get; init; }
    [JsonPropertyName("project_type")] public ProjectType? ProjectType { get; init; }
    [JsonPropertyName("discovery")] public DiscoveryDocument? Discovery { get; init; }
    /// <summary>Every task of the plan in brief (number, name, target files), for code and repair prompts.</summary>
    [JsonPropertyName("plan")] public IReadOnlyList<PlanTaskBrief>? Plan { get; init; }
    [JsonPropertyName("task")] public PlanTask? Task { get; init; }
    /// <summary>Signatures (not bodies) of what the task depends on, per file.</summary>
    [JsonPropertyName("dependency_signatures")] public IReadOnlyList<FileSignatures>? DependencySignatures { get; init; }
    /// <summary>Repair: the code that failed, its path, and the errors found.</summary>
    [JsonPropertyName("failed_code")] public string? FailedCode { get; init; }
    [JsonPropertyName("failed_path")] public string? FailedPath { get; init; }
    [JsonPropertyName("errors")] public IReadOnlyList<string>? Errors { get; init; }
    /// <summary>Atom repair: the atom's scope and the code of the atoms it depends on.</summary>
    [JsonPropertyName("atom_scope")] public string? AtomScope { get; init; }
    [JsonPropertyName("dependency_code")] public IReadOnlyList<string>? DependencyCode { get; init; }
    /// <summary>Which attempt this is (1-based), so a deterministic model can vary its answer.</summary>
    [JsonPropertyName("attempt")] public int? Attempt { get; init; }

    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };

    /// <summary>The fenced block to embed in a prompt.</summary>
    public string ToFencedBlock() => $"```{FenceInfo}\n{JsonSerializer.Serialize(this, SerializerOptions)}\n```";
}

public sealed record PlanTaskBrief(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("target_files")] IReadOnlyList<string> TargetFiles);

public sealed record FileSignatures(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("signatures")] IReadOnlyList<string> Signatures);
