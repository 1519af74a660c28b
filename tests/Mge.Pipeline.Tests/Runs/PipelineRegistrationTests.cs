using Mge.Pipeline.CodeGeneration;
using Mge.Pipeline.Discovery;
using Mge.Pipeline.Planning;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Pipeline.Tests.Runs;

public sealed class PipelineRegistrationTests
{
    [Fact]
    public void Every_pipeline_service_resolves()
    {
        using var host = new PipelineTestHost();

        Assert.NotNull(host.Get<RunJournal>());
        Assert.NotNull(host.Get<ModelGateway>());
        Assert.NotNull(host.Get<PromptBuilder>());
        Assert.IsType<ProgressPublisher>(host.Get<IProgressPublisher>());
        Assert.NotNull(host.Get<DiscoveryPhase>());
        Assert.NotNull(host.Get<MasterPlanPhase>());
        Assert.NotNull(host.Get<CodeGenerationPhase>());
        Assert.NotNull(host.Get<ValidationPhase>());
        Assert.IsType<InMemoryRecordStore>(host.Get<IRecordStore>());
    }

    [Fact]
    public async Task File_storage_keeps_a_run_across_service_providers()
    {
        var root = Path.Combine(Path.GetTempPath(), "mge-di-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = new PipelineTestHost(s => s.AddMgeFileStorage(root)))
            {
                await first.CreateRunAsync();
            }

            using var second = new PipelineTestHost(s => s.AddMgeFileStorage(root));
            Assert.IsType<FileRecordStore>(second.Get<IRecordStore>());
            Assert.Equal(RunStates.Running, (await second.Get<RunJournal>().GetStatusAsync("run-1"))!.Status);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
