using System.Text.Json;
using System.Text.RegularExpressions;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;
using Microsoft.Extensions.AI;

namespace Mge.Models.Tests.Offline;

/// <summary>Builds prompts the way the pipeline spec describes and reads the model's answers back.</summary>
internal static partial class OfflinePrompts
{
    public static List<ChatMessage> Discovery(string request, ProjectType? type = null, int? attempt = null) =>
    [
        new(ChatRole.System, "You are MGE's domain analyst. Answer with one JSON object in the DiscoveryDocument shape."),
        new(ChatRole.User, "Analyse this request.\n\n" + new PromptContext { Role = ModelRole.Discovery, Request = request, ProjectType = type, Attempt = attempt }.ToFencedBlock()),
    ];

    public static List<ChatMessage> Planning(string request, ProjectType type, DiscoveryDocument discovery, int? attempt = null) =>
    [
        new(ChatRole.System, "You are MGE's planner. Answer with one JSON MasterPlan."),
        new(ChatRole.User, "Plan the project.\n\n" + new PromptContext { Role = ModelRole.Planning, Request = request, ProjectType = type, Discovery = discovery, Attempt = attempt }.ToFencedBlock()),
    ];

    /// <summary>Shared part first (system + context with request, discovery, plan), task-specific part last.</summary>
    public static List<ChatMessage> Code(string request, ProjectType type, DiscoveryDocument discovery, MasterPlan plan, PlanTask task, ModelRole role = ModelRole.Code, PromptContext? taskPart = null)
    {
        var shared = new PromptContext
        {
            Role = role,
            Request = request,
            ProjectType = type,
            Discovery = discovery,
            Plan = plan.Tasks.Select(t => new PlanTaskBrief(t.Number, t.Name, t.TargetFiles)).ToList(),
        };
        var specific = (taskPart ?? new PromptContext()) with { Task = task };
        return
        [
            new(ChatRole.System, "You are MGE's code generator. Answer with one fenced block per target file; the first line of each block is a path comment."),
            new(ChatRole.User, "Project context:\n\n" + shared.ToFencedBlock()),
            new(ChatRole.User, $"Write task {task.Number}: {task.Name}.\n\n" + specific.ToFencedBlock()),
        ];
    }

    public static T ReadJson<T>(string answer)
    {
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        Assert.True(start >= 0 && end > start, "The answer holds no JSON object: " + answer);
        return JsonSerializer.Deserialize<T>(answer[start..(end + 1)])!;
    }

    /// <summary>The fenced blocks of a code answer as (path, content without the path line).</summary>
    public static List<(string Path, string Content)> ReadFiles(string answer)
    {
        var files = new List<(string, string)>();
        foreach (Match match in Block().Matches(answer))
        {
            var body = match.Groups["body"].Value;
            var firstLineEnd = body.IndexOf('\n');
            var firstLine = firstLineEnd < 0 ? body : body[..firstLineEnd];
            var path = PathComment().Match(firstLine);
            Assert.True(path.Success, "A block does not start with a path comment: " + firstLine);
            files.Add((path.Groups["path"].Value.Trim(), firstLineEnd < 0 ? "" : body[(firstLineEnd + 1)..]));
        }

        return files;
    }

    /// <summary>The single fenced block of an atom repair answer.</summary>
    public static string ReadSingleBlock(string answer)
    {
        var matches = Block().Matches(answer);
        Assert.Single(matches);
        return matches[0].Groups["body"].Value;
    }

    [GeneratedRegex(@"```[^\n]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^(#|//) path: (?<path>.+)$")]
    private static partial Regex PathComment();
}
