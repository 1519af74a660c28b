using System.CommandLine;
using System.Globalization;
using Mge.Cli.Generation;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge generate "&lt;request&gt;"</c>: checks the invocation, runs the whole generation workflow on the
/// embedded engine with live progress, and leaves the project under --out as a zip and as a folder.
/// </summary>
public sealed class GenerateCommand(CliEnvironment environment, IConfiguration configuration, TimeProvider time)
{

    private readonly Argument<string> request = new("REQUEST")
    {
        Description = "What to build, in one sentence, e.g. \"Create a FastAPI REST API for task management with users, tasks and comments\".",
    };

    private readonly Option<string> output = new("--out", "-o")
    {
        Description = "Folder for the result: <out>/<project>.zip, the unpacked <out>/<project>/, and the run's records under <out>/.mge (inspectable).",
        DefaultValueFactory = _ => "./out",
        HelpName = "DIR",
    };

    private readonly Option<string?> type = new("--type", "-t")
    {
        Description = $"Project type: {ProjectTypeParser.Accepted}. Detected from the request when omitted.",
        HelpName = "TYPE",
    };

    private readonly Option<int> concurrency = new("--concurrency", "-c")
    {
        Description = $"Model calls in flight during code generation (1..{GenerationOptionLimits.MaxConcurrency}).",
        DefaultValueFactory = _ => 10,
        HelpName = "N",
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write the summary (with zip_path and folder_path) as one JSON object on stdout; progress goes to stderr as plain lines.",
    };

    private readonly Option<double> faults = new("--faults")
    {
        Description = "Offline model fault injection: share of answers deliberately broken (0..1), to exercise validation and repair.",
        DefaultValueFactory = _ => 0,
        HelpName = "RATE",
    };

    private readonly Option<string?> storage = RunCommandOptions.Storage();

    private readonly Option<string?> provider = new("--provider")
    {
        Description = "Model provider: azure-openai, openai (any OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, LM Studio, llama.cpp) or offline (the built-in model, the default when nothing is configured). Keys come from AZURE_OPENAI_API_KEY / OPENAI_API_KEY (or the variable named by Mge__Model__ApiKeyVariable).",
        HelpName = "NAME",
    };

    private readonly Option<string?> endpoint = new("--endpoint")
    {
        Description = "Model endpoint: https://NAME.openai.azure.com/ for azure-openai; a base URL with /v1 for openai-compatible servers (e.g. http://localhost:11434/v1).",
        HelpName = "URL",
    };

    private readonly Option<string?> model = new("--model")
    {
        Description = "Model name, or the Azure OpenAI deployment name.",
        HelpName = "NAME",
    };

    private readonly Option<decimal?> budget = new("--budget")
    {
        Description = "Budget cap for this run in USD (0: no cap; default: Mge__Pipeline__RunCapUsd, 5). A run that would exceed it stops cleanly, keeps its work, and continues with 'mge resume ID --budget USD'.",
        HelpName = "USD",
    };

    private readonly Option<int> maxWaveSize = new("--max-wave-size")
    {
        Description = "Waves with more atoms than this are split (1 or more).",
        DefaultValueFactory = _ => 50,
        HelpName = "N",
    };

    public Command Build()
    {
        var command = new Command("generate", "Generate a complete project from one sentence: discovery, masterplan, code generation, validation with repair, atomization, dependency waves, wave execution, files, infrastructure (Dockerfile, compose, README, ...) and a zip. Model: the built-in offline model unless --provider (or Mge__Model__Provider) names Azure OpenAI or an OpenAI-compatible endpoint. With --storage the run is durable (Durable Task Azure Storage backend, records in Table/Blob storage): if the process stops, 'mge resume ID --storage ...' continues it. Exit code 0 when the run completed, 1 when it failed (the failed phase and reason are printed), 2 for usage errors (including a malformed or unreachable --storage), 130 when cancelled with Ctrl+C.")
        {
            request,
            output,
            type,
            concurrency,
            json,
            faults,
            maxWaveSize,
            storage,
            provider,
            endpoint,
            model,
            budget,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = await CheckAsync(
                parseResult.GetValue(request),
                parseResult.GetValue(output) ?? "./out",
                parseResult.GetValue(type),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(maxWaveSize),
                parseResult.GetValue(faults),
                parseResult.GetValue(json),
                cancellationToken,
                parseResult.GetValue(storage),
                new ModelFlags(parseResult.GetValue(provider), parseResult.GetValue(endpoint), parseResult.GetValue(model)),
                parseResult.GetValue(budget));
            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    /// <summary>Checks every input before anything runs; throws <see cref="CliUsageException"/> with a one-line reason.</summary>
    public async Task<GenerateSettings> CheckAsync(
        string? requestText, string outputArgument, string? typeArgument, int concurrencyValue, int waveSize, double faultRate, bool asJson,
        CancellationToken cancellationToken, string? storageConnection = null, ModelFlags? modelFlags = null, decimal? budgetUsd = null)
    {
        modelFlags ??= new ModelFlags(null, null, null);
        ModelFlags.Check(modelFlags.Apply(configuration));
        if (faultRate > 0 && ModelFlags.UsesRemoteProvider(modelFlags.Apply(configuration)))
        {
            throw new CliUsageException("--faults only applies to the offline model; drop it or use --provider offline.");
        }

        var pipelineOptions = new PipelineOptions();
        configuration.GetSection(PipelineOptions.SectionName).Bind(pipelineOptions);
        var validator = new GenerationRequestValidator(Options.Create(pipelineOptions));
        if (validator.Problem(requestText) is { } problem)
        {
            throw new CliUsageException(problem);
        }

        ProjectType? projectType = null;
        if (typeArgument is not null)
        {
            if (!ProjectTypeParser.TryParse(typeArgument, out var parsed, out var typeError))
            {
                throw new CliUsageException($"--type: {typeError}");
            }

            projectType = parsed;
        }

        // The launcher applies the same rules again when the run starts; checking here refuses before anything is built.
        var options = new GenerationOptionOverrides(Concurrency: concurrencyValue, MaxWaveSize: waveSize, BudgetUsd: budgetUsd)
            .ApplyTo(pipelineOptions.DefaultGenerationOptions(projectType));
        if (options.Problems() is [var optionProblem, ..])
        {
            throw new CliUsageException($"{FlagOf(optionProblem.Field)} {optionProblem.Message}");
        }

        if (double.IsNaN(faultRate) || faultRate is < 0 or > 1)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--faults must be between 0 and 1 (was {faultRate})."));
        }

        if (string.IsNullOrWhiteSpace(outputArgument))
        {
            throw new CliUsageException("--out is empty: name the folder to write the project to.");
        }

        string outputDirectory;
        try
        {
            outputDirectory = environment.ResolvePath(outputArgument);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"--out {outputArgument}: not a valid path ({ex.Message}).");
        }

        await OutputDirectory.EnsureWritableAsync(outputDirectory, outputArgument, cancellationToken);
        var runStorage = await RunStorage.CheckAsync(storageConnection, outputDirectory, cancellationToken);
        return new GenerateSettings(requestText!, outputDirectory, projectType, concurrencyValue, waveSize, faultRate, asJson, runStorage, modelFlags, budgetUsd);
    }

    /// <summary>The flag that sets a <see cref="GenerationOptions"/> field (its JSON name).</summary>
    internal static string FlagOf(string field) => field switch
    {
        "concurrency" => "--concurrency",
        "maxWaveSize" => "--max-wave-size",
        "budgetUsd" => "--budget",
        _ => field,
    };

    public async Task<int> RunAsync(GenerateSettings settings, CancellationToken cancellationToken)
    {
        var board = new RunProgressBoard();
        // Live bars only where a person watches a terminal and stdout is not a data channel.
        IRunProgressView view = !settings.Json && environment.OutIsTerminal
            ? new LiveProgressView(board, SpectreConsoles.ForOut(environment))
            : new PlainProgressView(board, environment.Error, time);

        GenerationOutcome outcome;
        try
        {
            var effective = settings.Model?.Apply(configuration) ?? configuration;
            if (settings.FaultRate > 0)
            {
                effective = new ConfigurationBuilder().AddConfiguration(effective)
                    .AddInMemoryCollection([new("Mge:Model:Offline:FaultRate", settings.FaultRate.ToString("R", CultureInfo.InvariantCulture))]).Build();
            }

            outcome = await new GenerationRunner(environment, effective, time).RunAsync(settings, board, view, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && settings.Storage is { IsAzure: true })
        {
            await environment.Error.WriteLineAsync("mge generate: stopped; the run's state is kept in storage: continue it with 'mge resume <run id> --storage <connection string>' (see 'mge list').");
            throw;
        }

        return await GenerationReport.ReportAsync(environment, outcome, settings.Json, "mge generate", cancellationToken);
    }
}
