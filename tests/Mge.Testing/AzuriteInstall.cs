using System.Diagnostics;

namespace Mge.Testing;

/// <summary>
/// Makes sure tests/node_modules holds Azurite, running <c>npm ci</c> from the repository's own
/// tests/package.json and package-lock.json the first time, so that the README's test command needs
/// nothing installed or started by hand. A file lock keeps parallel test projects from installing twice.
/// </summary>
public static class AzuriteInstall
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var tests = RepositoryPaths.TestsFolder;
        var script = Path.Combine(tests, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script))
        {
            return script;
        }
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var lockFile = await AcquireFileLockAsync(Path.Combine(tests, ".npm-install.lock"), cancellationToken);
            if (!File.Exists(script))
            {
                await RunNpmCiAsync(tests, cancellationToken);
            }
            return File.Exists(script)
                ? script
                : throw new InvalidOperationException($"npm ci in {tests} finished but {script} is missing.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunNpmCiAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; Node 20 and npm are required.");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed ({npm.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process is installing; wait for it.
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
