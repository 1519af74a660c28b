namespace Mge.Cli.Tests;

public sealed class HelpAndVersionTests
{
    private static readonly string Here = Path.GetTempPath();

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        var run = await CliRun.RunAsync(Here, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "generate", "validate", "atomize", "waves", "--version" })
        {
            Assert.Contains(command, run.Stdout);
        }
    }

    [Fact]
    public async Task Generate_help_describes_every_option_and_the_model()
    {
        var run = await CliRun.RunAsync(Here, "generate", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var option in new[] { "--out", "--type", "--concurrency", "--json", "--faults", "--max-wave-size", "--provider", "--endpoint", "--model", "--budget", "django|express|fastapi", "azure-openai" })
        {
            Assert.Contains(option, run.Stdout);
        }

        Assert.Contains("offline model", run.Stdout);
        Assert.Contains("OPENAI_API_KEY", run.Stdout);
    }

    [Theory]
    [InlineData("validate", "--json")]
    [InlineData("atomize", "--json")]
    [InlineData("waves", "--max-wave-size")]
    public async Task Command_help_describes_its_options(string command, string option)
    {
        var run = await CliRun.RunAsync(Here, command, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(option, run.Stdout);
        Assert.Contains("Exit code", run.Stdout);
    }

    [Fact]
    public async Task Version_prints_a_version_number()
    {
        var run = await CliRun.RunAsync(Here, "--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout.Trim());
    }

    [Fact]
    public async Task No_command_shows_an_error_pointing_to_help()
    {
        var run = await CliRun.RunAsync(Here, "frobnicate");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains("frobnicate", line);
        Assert.Contains("--help", line);
    }
}
