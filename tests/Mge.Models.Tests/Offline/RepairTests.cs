using Mge.Models.Offline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Tests.Offline;

public sealed class RepairTests
{
    private const string Request = "Create a FastAPI REST API for task management with users, tasks, and comments";

    private static async Task<(DiscoveryDocument Discovery, MasterPlan Plan, OfflineChatClient Client)> SetUpAsync(ProjectType? projectType = null)
    {
        var type = projectType ?? ProjectType.FastApi;
        var client = new OfflineChatClient();
        var discovery = OfflinePrompts.ReadJson<DiscoveryDocument>((await client.GetResponseAsync(OfflinePrompts.Discovery(Request, type))).Text);
        var plan = OfflinePrompts.ReadJson<MasterPlan>((await client.GetResponseAsync(OfflinePrompts.Planning(Request, type, discovery))).Text);
        return (discovery, plan, client);
    }

    private static async Task<string> GenerateAsync(OfflineChatClient client, DiscoveryDocument discovery, MasterPlan plan, string path, ProjectType? projectType = null)
    {
        var type = projectType ?? ProjectType.FastApi;
        var task = plan.Tasks.First(t => t.TargetFiles.Contains(path));
        var answer = await client.GetResponseAsync(OfflinePrompts.Code(Request, type, discovery, plan, task));
        return OfflinePrompts.ReadFiles(answer.Text).Single(f => f.Path == path).Content;
    }

    [Fact]
    public async Task Repair_returns_the_corrected_failed_file_first_and_every_file_of_the_task()
    {
        var (discovery, plan, client) = await SetUpAsync();
        using var _ = client;
        var task = plan.Tasks.First(t => t.TargetFiles.Contains("app/database.py"));
        var good = await GenerateAsync(client, discovery, plan, "app/database.py");
        var repairContext = new PromptContext
        {
            FailedPath = "app/database.py",
            FailedCode = good.Replace("class Base(DeclarativeBase):", "class Base(DeclarativeBase)", StringComparison.Ordinal),
            Errors = ["app/database.py:19:30: expected ':'"],
            Attempt = 1,
        };

        var answer = await client.GetResponseAsync(OfflinePrompts.Code(Request, ProjectType.FastApi, discovery, plan, task, ModelRole.Repair, repairContext));

        var files = OfflinePrompts.ReadFiles(answer.Text);
        Assert.Equal("app/database.py", files[0].Path);
        Assert.Equal(good, files[0].Content);
        Assert.Equal(task.TargetFiles.Order(), files.Select(f => f.Path).Order());
    }

    [Fact]
    public async Task Atom_repair_returns_the_corrected_slice_of_the_scope()
    {
        var (discovery, plan, client) = await SetUpAsync();
        using var _ = client;
        var task = plan.Tasks.First(t => t.TargetFiles.Contains("app/crud/task.py"));
        var file = await GenerateAsync(client, discovery, plan, "app/crud/task.py");
        var lines = file.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("def update_task(", StringComparison.Ordinal));
        var atom = string.Join('\n', lines.Skip(start).Take(4)) + "\n";
        var broken = atom.Replace("items():", "items()", StringComparison.Ordinal);
        Assert.NotEqual(atom, broken);

        var answer = await client.GetResponseAsync(OfflinePrompts.Code(Request, ProjectType.FastApi, discovery, plan, task, ModelRole.Repair, new PromptContext
        {
            FailedPath = "app/crud/task.py",
            FailedCode = broken,
            AtomScope = "update_task",
            Errors = ["expected ':'"],
            Attempt = 1,
        }));

        Assert.Equal(atom, OfflinePrompts.ReadSingleBlock(answer.Text));
    }

    [Fact]
    public async Task Atom_repair_at_module_level_has_an_empty_scope_and_returns_the_atom_only()
    {
        var (discovery, plan, client) = await SetUpAsync();
        using var _ = client;
        var task = plan.Tasks.First(t => t.TargetFiles.Contains("app/database.py"));
        var file = await GenerateAsync(client, discovery, plan, "app/database.py");
        var lines = file.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("DATABASE_URL", StringComparison.Ordinal));
        var atom = string.Join('\n', lines.Skip(start).Take(5)) + "\n";
        var broken = atom.Replace("create_engine(DATABASE_URL, connect_args=_connect_args)", "create_engine(DATABASE_URL, connect_args=_connect_args", StringComparison.Ordinal);
        Assert.NotEqual(atom, broken);

        var answer = await client.GetResponseAsync(OfflinePrompts.Code(Request, ProjectType.FastApi, discovery, plan, task, ModelRole.Repair, new PromptContext
        {
            FailedPath = "app/database.py",
            FailedCode = broken,
            AtomScope = "",
            Errors = ["'(' was never closed"],
            Attempt = 1,
        }));

        Assert.Equal(atom, OfflinePrompts.ReadSingleBlock(answer.Text));
    }

    [Fact]
    public async Task Atom_repair_of_a_JavaScript_method_finds_it_by_qualified_name()
    {
        var (discovery, plan, client) = await SetUpAsync(ProjectType.Express);
        using var _ = client;
        var task = plan.Tasks.First(t => t.TargetFiles.Contains("src/store.js"));
        var file = await GenerateAsync(client, discovery, plan, "src/store.js", ProjectType.Express);
        var lines = file.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "create(data) {");
        var atom = string.Join('\n', lines.Skip(start).Take(5)) + "\n";
        var broken = atom.Replace("create(data) {", "create(data)", StringComparison.Ordinal);

        var answer = await client.GetResponseAsync(OfflinePrompts.Code(Request, ProjectType.Express, discovery, plan, task, ModelRole.Repair, new PromptContext
        {
            FailedPath = "src/store.js",
            FailedCode = broken,
            AtomScope = "Collection.create",
            Attempt = 1,
        }));

        Assert.Equal(atom, OfflinePrompts.ReadSingleBlock(answer.Text));
    }

    [Fact]
    public async Task Atom_repair_of_unknown_code_fixes_the_injected_fault_only()
    {
        using var client = new OfflineChatClient();
        var broken = "def helper(value)\n    return value * 2\n";
        var context = new PromptContext { Role = ModelRole.Repair, AtomScope = "helper", FailedCode = broken, Errors = ["expected ':'"], Attempt = 1 };

        var answer = await client.GetResponseAsync([new(Microsoft.Extensions.AI.ChatRole.User, "Fix this atom.\n\n" + context.ToFencedBlock())]);

        Assert.Equal("def helper(value):\n    return value * 2\n", OfflinePrompts.ReadSingleBlock(answer.Text));
    }

    [Fact]
    public async Task Code_prompt_without_a_task_is_a_clear_error()
    {
        using var client = new OfflineChatClient();
        var context = new PromptContext { Role = ModelRole.Code, Request = Request };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.GetResponseAsync([new(Microsoft.Extensions.AI.ChatRole.User, context.ToFencedBlock())]));
        Assert.Contains("target_files", error.Message);
    }

    [Fact]
    public async Task Malformed_context_block_is_a_clear_error()
    {
        using var client = new OfflineChatClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.GetResponseAsync([new(Microsoft.Extensions.AI.ChatRole.User, "```json mge-context\n{\"role\": \"code\",\n```")]));
        Assert.Contains("mge-context", error.Message);
    }
}
