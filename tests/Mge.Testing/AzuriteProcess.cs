using System.Diagnostics;

namespace Mge.Testing;

/// <summary>
/// A real Azurite (Table, Blob and Queue emulator) started from the repository's own npm install
/// (tests/package.json) on free loopback ports, and stopped again. In memory by default; with a
/// <see cref="DataFolder"/> it keeps its data across <see cref="StopAsync"/>/<see cref="StartAsync"/>,
/// which is how outage tests take storage away and give it back.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented by Microsoft).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public AzuriteProcess(string? dataFolder = null)
    {
        DataFolder = dataFolder;
        BlobPort = FreePorts.Next();
        QueuePort = FreePorts.Next();
        TablePort = FreePorts.Next();
    }

    public string? DataFolder { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public bool IsRunning => _process is { HasExited: false };

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }
        var script = await AzuriteInstall.EnsureAsync(cancellationToken);
        var persistence = DataFolder is null ? "--inMemoryPersistence" : $"--location \"{DataFolder}\"";
        var start = new ProcessStartInfo("node",
            $"\"{script}\" {persistence} --silent --skipApiVersionCheck --disableProductStyleUrl " +
            $"--blobHost 127.0.0.1 --blobPort {BlobPort} --queueHost 127.0.0.1 --queuePort {QueuePort} " +
            $"--tableHost 127.0.0.1 --tablePort {TablePort}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataFolder ?? Path.GetTempPath(),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started to run Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && errors.Count < 50)
            {
                errors.Enqueue(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Generous: on a loaded 2-core machine node alone can take many seconds to start Azurite.
        var timeout = TimeSpan.FromSeconds(90);
        try
        {
            await FreePorts.WaitUntilListeningAsync(BlobPort, timeout, cancellationToken);
            await FreePorts.WaitUntilListeningAsync(QueuePort, timeout, cancellationToken);
            await FreePorts.WaitUntilListeningAsync(TablePort, timeout, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            var exited = _process.HasExited ? $"exited with code {_process.ExitCode}" : "still running";
            throw new InvalidOperationException(
                $"Azurite did not listen on 127.0.0.1:{BlobPort}/{QueuePort}/{TablePort} within {timeout.TotalSeconds:0} s (node {exited}): {string.Join(" | ", errors)}", ex);
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
