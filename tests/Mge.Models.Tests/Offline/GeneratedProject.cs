using Mge.Models.Offline;
using Mge.Pipeline.Domain;
using Microsoft.Extensions.AI;

namespace Mge.Models.Tests.Offline;

/// <summary>A whole project generated through the offline model, one call per plan task, written to a temp directory.</summary>
internal sealed class GeneratedProject : IDisposable
{
    private GeneratedProject(string root, DiscoveryDocument discovery, MasterPlan plan, IReadOnlyDictionary<string, string> files)
    {
        Root = root;
        Discovery = discovery;
        Plan = plan;
        Files = files;
    }

    public string Root { get; }

    public DiscoveryDocument Discovery { get; }

    public MasterPlan Plan { get; }

    /// <summary>Path -> content of every file the tasks wrote.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public static async Task<GeneratedProject> CreateAsync(string request, ProjectType type)
    {
        using var client = new OfflineChatClient();
        var discoveryAnswer = await client.GetResponseAsync(OfflinePrompts.Discovery(request, type));
        var discovery = OfflinePrompts.ReadJson<DiscoveryDocument>(discoveryAnswer.Text);
        var planAnswer = await client.GetResponseAsync(OfflinePrompts.Planning(request, type, discovery));
        var plan = OfflinePrompts.ReadJson<MasterPlan>(planAnswer.Text);

        var root = Directory.CreateTempSubdirectory("mge-offline-").FullName;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in plan.Tasks)
        {
            var answer = await client.GetResponseAsync(OfflinePrompts.Code(request, type, discovery, plan, task));
            Assert.Equal(ChatFinishReason.Stop, answer.FinishReason);
            var written = OfflinePrompts.ReadFiles(answer.Text);
            Assert.Equal(task.TargetFiles.Order(StringComparer.Ordinal), written.Select(w => w.Path).Order(StringComparer.Ordinal));
            foreach (var (path, content) in written)
            {
                Assert.False(string.IsNullOrWhiteSpace(content), $"{path} is empty");
                Assert.True(files.TryAdd(path, content), $"{path} was written twice");
                var full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, content);
            }
        }

        return new GeneratedProject(root, discovery, plan, files);
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }
}
