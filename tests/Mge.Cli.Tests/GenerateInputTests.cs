namespace Mge.Cli.Tests;

/// <summary>Bad generate invocations: each is refused before anything runs, with one clear line on stderr and exit code 2.</summary>
public sealed class GenerateInputTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Empty_request_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "");

        AssertUsageError(run, "empty");
    }

    [Fact]
    public async Task Whitespace_request_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "   \t  ");

        AssertUsageError(run, "empty");
    }

    [Fact]
    public async Task One_megabyte_request_is_a_usage_error_naming_the_limit()
    {
        var huge = new string('a', 1024 * 1024);

        var run = await CliRun.RunAsync(temp.Path, "generate", huge);

        AssertUsageError(run, "limit");
        Assert.Contains("1,048,576", run.Stderr);
    }

    [Fact]
    public async Task Unknown_type_is_a_usage_error_listing_the_accepted_types()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--type", "flask");

        AssertUsageError(run, "flask");
        Assert.Contains("django|express|fastapi", run.Stderr);
    }

    [Fact]
    public async Task Azure_openai_provider_without_endpoint_or_model_is_a_usage_error_naming_the_settings()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--provider", "azure-openai");

        AssertUsageError(run, "Mge:Model:Endpoint");
        Assert.Contains("--endpoint", run.Stderr);
    }

    [Fact]
    public async Task Unknown_provider_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--provider", "skynet");

        AssertUsageError(run, "skynet");
    }

    [Fact]
    public async Task Fault_injection_with_a_remote_provider_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--provider", "openai",
            "--endpoint", "http://127.0.0.1:9/v1", "--model", "llama3", "--faults", "0.2");

        AssertUsageError(run, "--faults");
    }

    [Fact]
    public async Task Negative_budget_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--budget", "-1");

        AssertUsageError(run, "--budget");
    }

    [Fact]
    public async Task Output_folder_under_a_file_is_a_usage_error()
    {
        var file = temp.Write("not-a-folder", "x");

        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--out", Path.Combine(file, "out"));

        AssertUsageError(run, "--out");
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    [Fact]
    public async Task Output_path_that_is_a_file_is_a_usage_error()
    {
        var file = temp.Write("existing.txt", "x");

        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--out", file);

        AssertUsageError(run, "is a file");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-3")]
    public async Task Concurrency_out_of_range_is_a_usage_error(string concurrency)
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--concurrency", concurrency);

        AssertUsageError(run, "--concurrency must be between 1 and 64");
    }

    [Fact]
    public async Task Concurrency_that_is_not_a_number_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--concurrency", "many");

        AssertUsageError(run, "many");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public async Task Fault_rate_outside_zero_to_one_is_a_usage_error(string rate)
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--faults", rate);

        AssertUsageError(run, "--faults must be between 0 and 1");
    }

    [Fact]
    public async Task Max_wave_size_zero_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--max-wave-size", "0");

        AssertUsageError(run, "--max-wave-size");
    }

    [Fact]
    public async Task Missing_request_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate");

        AssertUsageError(run, "missing");
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--colour", "red");

        AssertUsageError(run, "--colour");
    }

    [Fact]
    public async Task A_refused_invocation_writes_nothing_to_the_output_folder()
    {
        var run = await CliRun.RunAsync(temp.Path, "generate", "Create a blog API", "--type", "rails");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    private static void AssertUsageError(CliRun run, string expectedFragment)
    {
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("mge generate: ", line);
        Assert.Contains(expectedFragment, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
    }
}
