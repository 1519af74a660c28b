using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Mge.Testing;

namespace Mge.Functions.Tests.Infra;

/// <summary>
/// Compiles every Bicep file under infra/ with the real Bicep CLI (from the Azure.Bicep.CommandLine package)
/// and checks that the deployment has what the app needs: the resources, the managed identity's roles and the
/// app settings the code reads.
/// </summary>
public sealed class BicepTemplateTests
{
    private static readonly string InfraFolder = Path.Combine(RepositoryPaths.Root, "infra");

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(InfraFolder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(InfraFolder, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_bicep_file_compiles_without_errors_or_warnings(string relativePath)
    {
        var (exitCode, stdout, stderr) = await RunBicepAsync("build", Path.Combine(InfraFolder, relativePath), "--stdout");

        Assert.True(exitCode == 0, $"bicep build {relativePath} failed ({exitCode}): {stderr}");
        Assert.DoesNotContain("Warning", stderr, StringComparison.OrdinalIgnoreCase);
        using var template = JsonDocument.Parse(stdout);
        Assert.Equal("1.0.0.0", template.RootElement.GetProperty("contentVersion").GetString());
    }

    [Fact]
    public async Task Main_template_declares_the_services_identity_roles_and_settings_the_app_reads()
    {
        var (exitCode, stdout, stderr) = await RunBicepAsync("build", Path.Combine(InfraFolder, "main.bicep"), "--stdout");
        Assert.True(exitCode == 0, stderr);

        using var template = JsonDocument.Parse(stdout);
        var resources = template.RootElement.GetProperty("resources");
        var types = Resources(resources).Select(r => r.GetProperty("type").GetString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var expected in new[]
                 {
                     "Microsoft.Web/sites", "Microsoft.Web/serverfarms", "Microsoft.Storage/storageAccounts",
                     "Microsoft.SignalRService/signalR", "Microsoft.CognitiveServices/accounts",
                     "Microsoft.CognitiveServices/accounts/deployments", "Microsoft.Insights/components",
                     "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Authorization/roleAssignments",
                 })
        {
            Assert.Contains(expected, types);
        }

        var plan = Resources(resources).Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(Resources(resources).Count(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments") >= 5);

        var settings = stdout;
        foreach (var setting in new[]
                 {
                     "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "Mge__Storage__TableEndpoint",
                     "Mge__Storage__BlobEndpoint", "Mge__SignalR__ConnectionString", "Mge__Model__Provider",
                     "Mge__Model__Endpoint", "Mge__Model__Model", "Mge__Model__UseEntraId", "Mge__Model__ClientId",
                     "Mge__Pipeline__RunCapUsd",
                 })
        {
            Assert.Contains($"\"{setting}\"", settings, StringComparison.Ordinal);
        }
        Assert.True(template.RootElement.GetProperty("outputs").TryGetProperty("AZURE_FUNCTION_APP_URL", out _));
    }

    [Fact]
    public void The_app_settings_of_the_template_are_listed_in_the_local_settings_sample()
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json"));
        foreach (var setting in new[] { "Mge__Storage__TableEndpoint", "Mge__SignalR__ConnectionString", "Mge__Model__Provider", "Mge__Pipeline__RunCapUsd" })
        {
            Assert.Contains(setting, sample, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<JsonElement> Resources(JsonElement resources) =>
        resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value); // language version 2.0 templates use a map

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBicepAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(BicepExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The CLI would otherwise try to reach the public registry and telemetry endpoints this network refuses.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var bicep = Process.Start(start)!;
        var stdout = bicep.StandardOutput.ReadToEndAsync();
        var stderr = bicep.StandardError.ReadToEndAsync();
        await bicep.WaitForExitAsync();
        return (bicep.ExitCode, await stdout, await stderr);
    }

    private static string BicepExecutable()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64")
            .Attribute("Version")!.Value;
        var packageRoot = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        var path = Path.Combine(packageRoot, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        Assert.True(File.Exists(path), $"The Bicep CLI is missing at {path}: restore tests/Mge.Functions.Tests.");
        if (!OperatingSystem.IsWindows())
        {
            // NuGet extracts files without the executable bit.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
        return path;
    }
}
