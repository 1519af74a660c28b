using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Mge.Cli.Runs;

/// <summary>
/// Where runs live. Without --storage: the local folder "&lt;out&gt;/.mge" and the in-memory engine, so an
/// interrupted run cannot be continued. With --storage: Azure Storage (or Azurite) for the pipeline's tables
/// and blobs and for the Durable Task backend's queues and history, so a run survives its process.
/// </summary>
/// <param name="LocalRoot">The local records folder ("&lt;out&gt;/.mge"); unused when <paramref name="ConnectionString"/> is set.</param>
/// <param name="ConnectionString">An Azure Storage connection string, or null for local storage.</param>
/// <param name="Description">Where the records are, for messages; never contains the account key.</param>
public sealed record RunStorage(string LocalRoot, string? ConnectionString, string Description)
{
    /// <summary>Probes allow this long for the storage account to answer before the command gives up.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public bool IsAzure => ConnectionString is not null;

    /// <summary>Local storage under <paramref name="outputDirectory"/>/.mge.</summary>
    public static RunStorage Local(string outputDirectory)
    {
        var root = Path.Combine(outputDirectory, ".mge");
        return new RunStorage(root, null, root);
    }

    /// <summary>
    /// Local storage when <paramref name="connectionString"/> is null; otherwise checks that it is a usable
    /// Azure Storage connection string (tables, blobs and queues) and that the table service answers. Throws
    /// <see cref="CliUsageException"/> saying what is wrong, without echoing the string (it holds a key).
    /// </summary>
    public static async Task<RunStorage> CheckAsync(string? connectionString, string outputDirectory, CancellationToken cancellationToken)
    {
        if (connectionString is null)
        {
            return Local(outputDirectory);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new CliUsageException("--storage is empty: give an Azure Storage connection string (e.g. UseDevelopmentStorage=true for Azurite).");
        }

        TableServiceClient tables;
        try
        {
            var probeOptions = new TableClientOptions();
            probeOptions.Retry.MaxRetries = 1;
            probeOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            probeOptions.Retry.NetworkTimeout = ProbeTimeout;
            tables = new TableServiceClient(connectionString, probeOptions);
            _ = new BlobServiceClient(connectionString);
            _ = new QueueServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or UriFormatException or KeyNotFoundException)
        {
            throw new CliUsageException(
                $"--storage: not a valid Azure Storage connection string ({Redact(FirstLine(ex.Message), connectionString)}); e.g. UseDevelopmentStorage=true for Azurite, or the account's connection string with table, blob and queue endpoints.");
        }

        var description = $"Azure Storage account '{tables.AccountName}' ({tables.Uri.GetLeftPart(UriPartial.Authority)})";
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: probe.Token).AsPages().WithCancellation(probe.Token))
            {
                break;
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = ex is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} s" : FirstLine(ex.Message);
            throw new CliUsageException($"--storage: cannot reach the table service of {description}: {reason}.");
        }

        return new RunStorage(Path.Combine(outputDirectory, ".mge"), connectionString, description);
    }

    /// <summary>Client options for long-running work: enough retries with back-off to ride out a storage restart of several seconds.</summary>
    public static T WithOutageRetries<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 8;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>The SDK's parse errors quote the part they could not read, which may be a pasted key: long parts are masked.</summary>
    private static string Redact(string message, string connectionString)
    {
        foreach (var part in connectionString.Split([';', '='], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Length >= 12)
            {
                message = message.Replace(part, "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
